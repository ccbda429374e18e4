// ECharts (from its WebJar), loaded the first time a screen draws a chart.
import {language} from './i18n.js';

let loaded;

function echarts() {
    loaded ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/webjars/echarts/echarts.min.js';
        script.onload = () => resolve(window.echarts);
        script.onerror = () => reject(new Error('the chart library did not load'));
        document.head.append(script);
    });
    return loaded;
}

/** Draws `option` into a new element labelled `label`; the element is returned at once, the chart follows. */
export function chart(label, option, id) {
    const element = document.createElement('div');
    element.className = 'chart';
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', label);
    if (id) element.id = id;
    echarts().then(library => {
        const drawn = library.init(element, null, {renderer: 'svg', locale: language === 'zh' ? 'ZH' : 'EN'});
        drawn.setOption({animation: false, textStyle: {fontFamily: 'inherit'},
            title: {text: label, left: 'center', textStyle: {fontSize: 14, color: '#1b1f24'}}, ...option});
        new ResizeObserver(() => drawn.resize()).observe(element);
        element.dataset.drawn = 'true';
    }).catch(error => element.textContent = error.message);
    return element;
}
