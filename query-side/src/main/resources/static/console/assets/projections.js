// Projections (ADMIN): position, head, lag; a replay, its progress followed until it is done.
import {t, number, percent} from './i18n.js';
import {get, post} from './api.js';
import {h, table, fill, failure} from './dom.js';

export function projectionsScreen(main) {
    const list = h('div', {id: 'projections'});
    const message = h('p', {id: 'projection-message', role: 'status'});
    const replayAll = h('button', {type: 'button', id: 'replay-all', onclick: async () => {
        try {
            const started = await post('/api/admin/projections/replay');
            started.forEach(projection => watched.add(projection.name));
            allWatched = true;
            message.textContent = t('replayAllStarted');
            load();
        } catch (error) {
            message.replaceChildren(failure(error));
        }
    }}, t('replayAll'));
    main.append(h('h1', {}, t('projections')), message, replayAll, list);
    let timer = null;
    const watched = new Set();
    let allWatched = false;
    const load = () => fill(list, async () => {
        const projections = await get('/api/admin/projections');
        for (const name of watched) {
            const projection = projections.find(candidate => candidate.name === name);
            if (projection && !projection.replaying) {
                watched.delete(name);
                if (!allWatched) {
                    message.textContent = t('replayDone', {name});
                }
            }
        }
        if (allWatched && watched.size === 0) {
            allWatched = false;
            message.textContent = t('replayAllDone');
        }
        const replaying = projections.some(projection => projection.replaying);
        replayAll.disabled = replaying;
        clearTimeout(timer);
        if (replaying) {
            timer = setTimeout(load, 1000);
        }
        return table(null, [t('projection'), t('running'), t('position'), t('head'), t('lag'), t('progress'),
            t('generation'), t('deadLetters'), ''], projections.map(projection => h('tr',
            {'data-projection': projection.name, 'data-replaying': String(projection.replaying)},
            [projection.name, projection.running ? t('yes') : t('no'), number(projection.minPosition),
                number(projection.head), number(projection.lag),
                projection.replaying ? h('progress', {max: 100, value: projection.replayProgress ?? 0},
                    percent((projection.replayProgress ?? 0) / 100)) : '—',
                number(projection.generation), number(projection.deadLetters),
                h('button', {type: 'button', disabled: projection.replaying, onclick: async () => {
                    try {
                        await post('/api/admin/projections/' + encodeURIComponent(projection.name) + '/replay');
                        watched.add(projection.name);
                        message.textContent = t('replayStarted', {name: projection.name});
                        load();
                    } catch (error) {
                        message.replaceChildren(failure(error));
                    }
                }}, t('replay') + ' ' + projection.name)].map(cell => h('td', {}, cell)))));
    }, true);
    load();
    return () => clearTimeout(timer);
}
