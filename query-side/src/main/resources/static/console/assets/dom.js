// Building the page from data without HTML strings: every value is text, never markup.
import {t} from './i18n.js';

/** h('a', {href: '#/x', class: 'y'}, 'text', child...): attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value == null || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.substring(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat()) {
        if (child != null && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/** A table with a header row; rows are arrays of cells (text or nodes), or a <tr> already built. */
export function table(caption, headings, rows, attributes = {}) {
    return h('div', {class: 'scroll'}, h('table', attributes,
        caption ? h('caption', {}, caption) : null,
        h('thead', {}, h('tr', {}, headings.map(heading => h('th', {scope: 'col'}, heading)))),
        h('tbody', {}, rows.map(row => row instanceof Node ? row : h('tr', {}, row.map(cell => h('td', {}, cell)))))));
}

/** Label and value pairs, as a definition list. */
export function figures(pairs, attributes = {}) {
    return h('dl', {class: 'figures', ...attributes},
        pairs.map(([label, value, name]) =>
            h('div', {'data-figure': name || null}, h('dt', {}, label), h('dd', {}, value))));
}

export function section(title, ...children) {
    return h('section', {}, h('h2', {}, title), ...children);
}

export function badge(text, kind) {
    return h('span', {class: 'badge ' + (kind || '')}, text);
}

export function failure(error) {
    return h('p', {class: 'error', role: 'alert'}, error.message || String(error));
}

export function loading() {
    return h('p', {class: 'muted'}, t('loading'));
}

/** Replaces the content of `element` by what `build` returns, or by the failure sentence; `quiet` keeps the old
 * content until then, for a refresh. */
export async function fill(element, build, quiet) {
    if (!quiet || !element.hasChildNodes()) {
        element.replaceChildren(loading());
    }
    try {
        element.replaceChildren(...[await build()].flat());
    } catch (error) {
        element.replaceChildren(failure(error));
    }
}
