// A text/event-stream followed with fetch, which can send an Authorization header where EventSource cannot.

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;

/**
 * Follows `path` with the headers `headers()` gives at each connection: `onOpen()` when connected, `onEvent(name,
 * data)` for each event, `onRefused(status)` when the server refuses (401, 403), after which it stops. A dropped
 * connection (`onDropped()`) is opened again after a growing pause, sending the last event's id. Returns a function
 * that closes it.
 */
export function openStream(path, {headers, onOpen, onEvent, onDropped, onRefused}) {
    const abort = new AbortController();
    let lastEventId = null;
    let pause = FIRST_RETRY_MS;
    let dropped = false;

    async function connect() {
        const sent = {...headers(), Accept: 'text/event-stream'};
        if (lastEventId !== null) {
            sent['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch(path, {headers: sent, signal: abort.signal, cache: 'no-store'});
        if (response.status === 401 || response.status === 403) {
            onRefused(response.status);
            return false;
        }
        if (!response.ok || !response.body) {
            return true;
        }
        onOpen();
        pause = FIRST_RETRY_MS;
        if (dropped && lastEventId === null) {
            // with no event id to resume from the server starts at the present: what changed while the connection
            // was down is only had by reading again, as after a resync
            onEvent('resync', '{}');
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
            const {value, done} = await reader.read();
            if (done) {
                return true;
            }
            buffer += value.replace(/\r\n?/g, '\n');
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
                dispatch(buffer.substring(0, end));
                buffer = buffer.substring(end + 2);
            }
        }
    }

    function dispatch(block) {
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon === 0) {
                continue; // a comment, such as a heartbeat
            }
            const field = colon < 0 ? line : line.substring(0, colon);
            const value = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
            if (field === 'event') {
                name = value;
            } else if (field === 'data') {
                data.push(value);
            } else if (field === 'id') {
                lastEventId = value;
            }
        }
        if (data.length > 0) { // as EventSource: an event without data is not dispatched
            onEvent(name, data.join('\n'));
        }
    }

    (async () => {
        while (!abort.signal.aborted) {
            let again;
            try {
                again = await connect();
            } catch (error) {
                again = !abort.signal.aborted;
            }
            if (!again || abort.signal.aborted) {
                return;
            }
            dropped = true;
            onDropped();
            await new Promise(resume => setTimeout(resume, pause));
            pause = Math.min(pause * 2, LAST_RETRY_MS);
        }
    })();
    return () => abort.abort();
}
