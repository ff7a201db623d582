/*
  * Frontline's dashboard: reads the JSON API under /api and follows /api/stream (Server-Sent Events).
  * Every piece of text from the API goes into the page through textContent, never as HTML.
  */
'use strict';

(function () {
    const SPEAKER_LIMIT = 15;
    const ARTICLE_LIMIT = 12;
    const QUOTE_LIMIT = 8;
    const OUTCOME_ORDER = ['killed', 'injured', 'missing', 'captured', 'losses'];
    // Okabe-Ito: distinguishable with the common colour-vision deficiencies.
    const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

    const state = {
        summary: null,
        casualties: new Map(),
        monthly: [],
        speakers: [],
        articles: [],
        details: new Map(),
        charts: {},
        view: 'dashboard',
        viewArticle: null,
        viewSpeaker: null,
    };

    /** Marks the page as loaded once; a reload would replace this object. */
    window.frontline = { loadedAt: Date.now(), state: state, events: 0 };

    // ---------------------------------------------------------------- helpers

    /** Creates an element; string children become text nodes, so nothing is parsed as HTML. */
    function h(tag, attrs, ...children) {
        const el = document.createElement(tag);
        for (const [name, value] of Object.entries(attrs || {})) {
            if (value === null || value === undefined || value === false) {
                continue;
            }
            if (name === 'className') {
                el.className = value;
            } else if (name.startsWith('on') && typeof value === 'function') {
                el.addEventListener(name.slice(2), value);
            } else {
                el.setAttribute(name, value === true ? '' : String(value));
            }
        }
        for (const child of children.flat()) {
            if (child === null || child === undefined || child === false) {
                continue;
            }
            el.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
        return el;
    }

    const $ = (id) => document.getElementById(id);
    const number = (n) => (n === null || n === undefined ? '—' : Number(n).toLocaleString('en'));
    const dateText = (d) => d || 'no date';
    const partyText = (p) => p || 'unspecified';
    const plural = (n, word) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;
    const casualtyKey = (t) => `${t.outcome}|${t.victims}|${t.party || '-'}`;
    const articleHref = (id) => `#/articles/${encodeURIComponent(id)}`;
    const speakerHref = (name) => `#/speakers/${encodeURIComponent(name)}`;

    let languageNames = null;
    try {
        languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
    } catch (e) {
        languageNames = null;
    }
    function languageText(code) {
        if (!code) {
            return 'unknown';
        }
        let name = code;
        try {
            name = languageNames ? languageNames.of(code) : code;
        } catch (e) {
            name = code;
        }
        return name === code ? code : `${name} (${code})`;
    }

    function articleLabel(title, id, body) {
        if (title) {
            return title;
        }
        if (body) {
            const words = body.trim().split(/\s+/).slice(0, 12).join(' ');
            return words.length < body.trim().length ? `${words}…` : words;
        }
        return `Untitled article ${id}`;
    }

    function announce(message) {
        const announcer = $('announcer');
        announcer.textContent = message;
    }

    function setConnection(stateName, text) {
        const el = $('connection');
        el.dataset.state = stateName;
        el.querySelector('.connection-text').textContent = text;
    }

    /** Shows a section's state: '' when its numbers are complete, otherwise what it waits for. */
    function setSectionStatus(source, text) {
        for (const el of document.querySelectorAll(`[data-status-for="${source}"]`)) {
            el.textContent = text;
        }
        for (const section of document.querySelectorAll(`[data-source="${source}"]`)) {
            section.classList.toggle('stale', text !== '');
            if (text !== '') {
                section.setAttribute('aria-busy', 'true');
            } else {
                section.removeAttribute('aria-busy');
            }
        }
    }

    function flash(el) {
        el.classList.remove('changed');
        // Restart the highlight animation on an element that changed again.
        void el.offsetWidth;
        el.classList.add('changed');
    }

    // ---------------------------------------------------------------- the API

    /** The API answered 503: the tallies are being rebalanced or restored. */
    class RetryLater extends Error {
        constructor(seconds) {
            super(`retry in ${seconds} s`);
            this.seconds = seconds;
        }
    }

    function retryAfterSeconds(response) {
        const header = response.headers.get('Retry-After');
        if (header) {
            const seconds = Number(header);
            if (Number.isFinite(seconds) && seconds >= 0) {
                return Math.max(1, Math.min(seconds, 300));
            }
            const date = Date.parse(header);
            if (!Number.isNaN(date)) {
                return Math.max(1, Math.min(Math.ceil((date - Date.now()) / 1000), 300));
            }
        }
        return 2;
    }

    async function api(path) {
        const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
        if (response.status === 503) {
            throw new RetryLater(retryAfterSeconds(response));
        }
        if (!response.ok) {
            let reason = `${response.status} ${response.statusText}`;
            try {
                const body = await response.json();
                if (body && body.error) {
                    reason = body.error;
                }
            } catch (e) {
                // The status line is reason enough.
            }
            const error = new Error(reason);
            error.status = response.status;
            throw error;
        }
        return response.json();
    }

    // ---------------------------------------------------------------- loading, with retries

    const loaders = {
        summary: loadSummary,
        casualties: loadCasualties,
        monthly: loadMonthly,
        speakers: loadSpeakers,
        articles: loadArticles,
    };
    const pending = {};
    const retries = {};
    const failures = {};

    /** Loads one part of the dashboard soon; several requests close together make one load. */
    function schedule(source, delay = 150) {
        if (pending[source]) {
            return;
        }
        pending[source] = setTimeout(() => {
            pending[source] = null;
            refresh(source);
        }, delay);
    }

    async function refresh(source) {
        clearTimeout(retries[source]);
        retries[source] = null;
        try {
            await loaders[source]();
            failures[source] = 0;
            setSectionStatus(source, '');
            updateConnectionAfterLoad();
        } catch (error) {
            if (error instanceof RetryLater) {
                setSectionStatus(source, 'updating…');
                setConnection('updating', 'updating…');
                retries[source] = setTimeout(() => refresh(source), error.seconds * 1000);
            } else {
                failures[source] = (failures[source] || 0) + 1;
                const seconds = Math.min(30, 2 ** failures[source]);
                setSectionStatus(source, `could not load (${error.message}); retrying in ${seconds} s`);
                retries[source] = setTimeout(() => refresh(source), seconds * 1000);
            }
        }
    }

    function updateConnectionAfterLoad() {
        const waiting = Object.values(retries).some(Boolean);
        if (!waiting && stream && stream.readyState === EventSource.OPEN) {
            setConnection('live', 'Live');
        }
    }

    function refreshAll(withView) {
        for (const source of Object.keys(loaders)) {
            refresh(source);
        }
        if (!withView) {
            return;
        }
        if (state.view === 'article' && state.viewArticle) {
            showArticle(state.viewArticle);
        } else if (state.view === 'speaker' && state.viewSpeaker) {
            showSpeaker(state.viewSpeaker);
        }
    }

    // ---------------------------------------------------------------- headline figures

    async function loadSummary() {
        state.summary = await api('/api/summary');
        renderSummary();
    }

    function setNumber(el, value) {
        const text = number(value);
        if (el.textContent !== text) {
            const first = el.dataset.value === undefined;
            el.textContent = text;
            el.dataset.value = value === null || value === undefined ? '' : String(value);
            if (!first) {
                flash(el);
            }
        }
    }

    function renderSummary() {
        const s = state.summary;
        setNumber($('articles-total'), s.articles);
        setNumber($('statements-total'), s.statements);
        setNumber($('casualty-figures-total'), s.casualty_figures);
        const rows = Object.entries(s.by_language || {})
            .sort((a, b) => b[1].articles - a[1].articles || a[0].localeCompare(b[0]))
            .map(([code, l]) => h('tr', { 'data-language': code },
                h('th', { scope: 'row' }, languageText(code)),
                h('td', { className: 'num', 'data-field': 'articles', 'data-value': l.articles }, number(l.articles)),
                h('td', { className: 'num', 'data-field': 'statements', 'data-value': l.statements },
                    number(l.statements)),
                h('td', { className: 'num', 'data-field': 'casualty_figures', 'data-value': l.casualty_figures },
                    number(l.casualty_figures))));
        $('language-rows').replaceChildren(...rows);
    }

    // ---------------------------------------------------------------- casualty tallies

    async function loadCasualties() {
        const tallies = await api('/api/casualties');
        state.casualties = new Map(tallies.map((t) => [casualtyKey(t), t]));
        renderCasualties();
    }

    function compareTallies(a, b) {
        const rank = (o) => (OUTCOME_ORDER.indexOf(o) < 0 ? OUTCOME_ORDER.length : OUTCOME_ORDER.indexOf(o));
        return rank(a.outcome) - rank(b.outcome) || a.outcome.localeCompare(b.outcome)
            || a.victims.localeCompare(b.victims) || (a.party || '').localeCompare(b.party || '');
    }

    function casualtyRow(key, t) {
        const source = t.latest_cumulative_article
            ? h('a', { href: articleHref(t.latest_cumulative_article), title: `article ${t.latest_cumulative_article}` },
                t.latest_cumulative_title || `article ${t.latest_cumulative_article}`)
            : h('span', { className: 'muted' }, '—');
        const date = t.latest_cumulative === null || t.latest_cumulative === undefined
            ? '—' : dateText(t.latest_cumulative_published);
        return h('tr', { 'data-key': key, 'data-testid': 'casualty-row' },
            h('th', { scope: 'row', 'data-field': 'outcome' }, t.outcome),
            h('td', { 'data-field': 'victims' }, t.victims),
            h('td', { 'data-field': 'party' }, partyText(t.party)),
            h('td', { className: 'num', 'data-field': 'incident_total', 'data-value': t.incident_total },
                number(t.incident_total)),
            h('td', { className: 'num', 'data-field': 'latest_cumulative', 'data-value': t.latest_cumulative ?? '' },
                number(t.latest_cumulative)),
            h('td', { 'data-field': 'latest_cumulative_article' }, source),
            h('td', { 'data-field': 'latest_cumulative_published' }, date),
            h('td', { className: 'num', 'data-field': 'reports', 'data-value': t.reports }, number(t.reports)),
            h('td', { className: 'num', 'data-field': 'articles', 'data-value': t.articles }, number(t.articles)));
    }

    /** Re-renders the table, keeping rows that did not change so that only changed ones are highlighted. */
    function renderCasualties() {
        const body = $('casualty-rows');
        const old = new Map([...body.children].map((row) => [row.dataset.key, row]));
        const rows = [...state.casualties.entries()].sort((a, b) => compareTallies(a[1], b[1])).map(([key, t]) => {
            const fresh = casualtyRow(key, t);
            const existing = old.get(key);
            if (existing && existing.innerHTML === fresh.innerHTML) {
                return existing;
            }
            if (old.size > 0) {
                flash(fresh);
            }
            return fresh;
        });
        body.replaceChildren(...rows);
        $('casualty-empty').hidden = rows.length > 0;
        renderVictimOptions();
    }

    function renderVictimOptions() {
        const select = $('monthly-victims');
        const victims = [...new Set([...state.casualties.values()].map((t) => t.victims))].sort();
        const have = [...select.options].map((o) => o.value).filter(Boolean);
        if (have.join('|') === victims.join('|')) {
            return;
        }
        const chosen = select.value;
        select.replaceChildren(h('option', { value: '' }, 'all'), ...victims.map((v) => h('option', { value: v }, v)));
        select.value = victims.includes(chosen) ? chosen : '';
    }

    // ---------------------------------------------------------------- figures per month

    async function loadMonthly() {
        const victims = $('monthly-victims').value;
        const query = victims ? `?victims=${encodeURIComponent(victims)}` : '';
        state.monthly = await api(`/api/casualties/monthly${query}`);
        renderMonthly();
    }

    function renderMonthly() {
        const rows = state.monthly.slice().sort((a, b) => monthOrder(a.month, b.month) || compareTallies(a, b));
        $('monthly-rows').replaceChildren(...rows.map((m) => h('tr', {},
            h('th', { scope: 'row' }, monthText(m.month)),
            h('td', {}, m.outcome),
            h('td', {}, m.victims),
            h('td', {}, partyText(m.party)),
            h('td', { className: 'num', 'data-value': m.incident_total }, number(m.incident_total)),
            h('td', { className: 'num', 'data-value': m.reports }, number(m.reports)))));

        const months = [...new Set(rows.map((m) => m.month))];
        const outcomes = [...new Set(rows.map((m) => m.outcome))].sort((a, b) => compareTallies(
            { outcome: a, victims: '' }, { outcome: b, victims: '' }));
        const datasets = outcomes.map((outcome, i) => ({
            label: outcome,
            data: months.map((month) => rows.filter((m) => m.month === month && m.outcome === outcome)
                .reduce((sum, m) => sum + m.incident_total, 0)),
            backgroundColor: PALETTE[i % PALETTE.length],
            borderColor: '#1a1a1a',
            borderWidth: 1,
        }));
        // Military losses run to hundreds where civilian incidents are single figures: a log scale shows both.
        const values = datasets.flatMap((d) => d.data).filter((v) => v > 0);
        const logarithmic = values.length > 0 && Math.max(...values) / Math.min(...values) >= 50;
        drawChart('monthly', 'monthly-chart', {
            type: 'bar',
            data: { labels: months.map(monthText), datasets: datasets },
            options: {
                scales: {
                    x: { title: { display: true, text: 'month published' } },
                    y: logarithmic
                        ? { type: 'logarithmic', min: 1,
                            title: { display: true, text: 'incident total (logarithmic scale)' } }
                        : { type: 'linear', beginAtZero: true, title: { display: true, text: 'incident total' },
                            ticks: { precision: 0 } },
                },
                plugins: { legend: { position: 'bottom' } },
            },
        });
    }

    function monthOrder(a, b) {
        if (a === b) {
            return 0;
        }
        if (a === 'unknown') {
            return 1;
        }
        if (b === 'unknown') {
            return -1;
        }
        return a < b ? -1 : 1;
    }

    const monthText = (m) => (m === 'unknown' || !m ? 'no date' : m);

    // ---------------------------------------------------------------- speakers

    async function loadSpeakers() {
        state.speakers = await api(`/api/speakers?limit=${SPEAKER_LIMIT}`);
        renderSpeakers();
    }

    function renderSpeakers() {
        const speakers = state.speakers;
        const body = $('speaker-rows');
        const old = new Map([...body.children].map((row) => [row.dataset.speaker, row]));
        body.replaceChildren(...speakers.map((s) => {
            const row = h('tr', { 'data-speaker': s.speaker, 'data-testid': 'speaker-row' },
                h('th', { scope: 'row' }, h('a', { href: speakerHref(s.speaker) }, s.speaker)),
                h('td', { className: 'num', 'data-field': 'statements', 'data-value': s.statements },
                    number(s.statements)),
                h('td', { className: 'num', 'data-field': 'articles', 'data-value': s.articles }, number(s.articles)),
                h('td', {}, dateText(s.first_published)),
                h('td', {}, dateText(s.last_published)));
            const existing = old.get(s.speaker);
            if (existing && existing.innerHTML === row.innerHTML) {
                return existing;
            }
            if (old.size > 0) {
                flash(row);
            }
            return row;
        }));
        drawChart('speakers', 'speakers-chart', {
            type: 'bar',
            data: {
                labels: speakers.map((s) => s.speaker),
                datasets: [{
                    label: 'statements',
                    data: speakers.map((s) => s.statements),
                    backgroundColor: PALETTE[0],
                    borderColor: '#1a1a1a',
                    borderWidth: 1,
                }],
            },
            options: {
                indexAxis: 'y',
                scales: {
                    x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'statements' } },
                    // Long names are cut on the axis only; the table and the tooltip have them whole.
                    y: { ticks: { callback: (value, index) => shorten(speakers[index].speaker, 22) } },
                },
                plugins: { legend: { display: false } },
                onClick: (event, elements) => {
                    if (elements.length > 0) {
                        location.hash = speakerHref(state.speakers[elements[0].index].speaker);
                    }
                },
            },
        });
    }

    // ---------------------------------------------------------------- charts

    const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

    function drawChart(name, canvasId, config) {
        if (typeof window.Chart === 'undefined') {
            // No Chart.js: the tables under the charts hold the same numbers, so open them.
            const canvas = $(canvasId);
            canvas.closest('figure').hidden = true;
            canvas.closest('section').querySelector('details.chart-data').open = true;
            return;
        }
        config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false },
            config.options);
        const chart = state.charts[name];
        if (chart) {
            chart.data = config.data;
            chart.options = config.options;
            chart.update('none');
        } else {
            state.charts[name] = new window.Chart($(canvasId), config);
        }
    }

    // ---------------------------------------------------------------- latest articles and quotes

    async function enriched(id, refreshIt) {
        if (!refreshIt && state.details.has(id)) {
            return state.details.get(id);
        }
        const article = await api(`/api/articles/${encodeURIComponent(id)}`);
        state.details.set(id, article);
        return article;
    }

    async function loadArticles() {
        const articles = await api(`/api/articles?limit=${ARTICLE_LIMIT}`);
        // The quotes come from the enriched articles themselves, so each quote has its speaker and article.
        const withQuotes = articles.filter((a) => a.statements > 0);
        const details = await Promise.all(withQuotes.map((a) => enriched(a.id, false)));
        state.articles = articles;
        renderArticles();
        renderQuotes(details);
    }

    function renderArticles() {
        $('article-rows').replaceChildren(...state.articles.map((a) => {
            const detail = state.details.get(a.id);
            return h('tr', { 'data-article': a.id },
                h('th', { scope: 'row' }, h('a', { href: articleHref(a.id) },
                    articleLabel(a.title, a.id, detail && detail.article.body))),
                h('td', {}, languageText(a.language)),
                h('td', {}, dateText(a.published)),
                h('td', { className: 'num', 'data-value': a.casualties }, number(a.casualties)),
                h('td', { className: 'num', 'data-value': a.statements }, number(a.statements)));
        }));
    }

    function renderQuotes(details) {
        const quotes = [];
        for (const d of details) {
            for (const s of d.statements) {
                quotes.push({ speaker: s.speaker, quote: s.quote, article: d.article, language: d.language });
            }
        }
        const items = quotes.slice(0, QUOTE_LIMIT).map((q) => h('li', { className: 'quote', 'data-testid': 'quote' },
            h('blockquote', { lang: q.language || null }, h('p', {}, `“${q.quote}”`)),
            h('p', { className: 'quote-source' },
                '— ', h('a', { href: speakerHref(q.speaker), className: 'speaker' }, q.speaker),
                ', in ', h('a', { href: articleHref(q.article.id) },
                    articleLabel(q.article.title, q.article.id, q.article.body)),
                q.article.published ? `, ${q.article.published}` : '')));
        $('quote-feed').replaceChildren(...items);
        $('quote-empty').hidden = items.length > 0;
    }

    // ---------------------------------------------------------------- article view

    /**
     * Every figure's evidence and every quote as a span of the text: at the offsets the extractor recorded
     * (title, blank line, body), or, for records written before offsets existed, the first unused occurrence.
     */
    function spansOf(text, casualties, statements) {
        const used = new Map();
        const spans = [];
        const place = (item, needle, kind, index, label, detail) => {
            if (!needle) {
                return;
            }
            const recorded = Number.isInteger(item.start) && Number.isInteger(item.end)
                && text.slice(item.start, item.end) === needle;
            if (recorded) {
                spans.push({
                    start: item.start, end: item.end, kind: kind, index: index, label: label, detail: detail,
                });
                return;
            }
            const usedKey = `${kind}\u0000${needle}`;
            let from = used.get(usedKey) || 0;
            let start = text.indexOf(needle, from);
            if (start < 0) {
                start = text.indexOf(needle);
            }
            if (start < 0) {
                return;
            }
            used.set(usedKey, start + needle.length);
            spans.push({
                start: start, end: start + needle.length, kind: kind, index: index, label: label, detail: detail,
            });
        };
        casualties.forEach((c, i) => place(c, c.evidence, 'figure', i, `${c.outcome} ${number(c.count)}`,
            `Casualty figure: ${c.approximate ? 'about ' : ''}${number(c.count)} ${c.victims} ${c.outcome}`
            + `${c.cumulative ? ' (cumulative)' : ''}${c.rule ? `; rule: ${c.rule}` : ''}`));
        statements.forEach((s, i) => place(s, s.quote, 'quote', i, s.speaker,
            `Quote by ${s.speaker}${s.sieve ? `; sieve: ${s.sieve}` : ''}`));
        return spans;
    }

    /** Renders text[from, to) into parent with the spans inside it as nested marks; overlaps are split. */
    function renderSpans(parent, text, from, to, spans) {
        let rest = spans.slice().sort((a, b) => a.start - b.start || b.end - a.end);
        let pos = from;
        while (rest.length > 0) {
            const s = rest.shift();
            parent.append(document.createTextNode(text.slice(pos, s.start)));
            const inner = [];
            const after = [];
            for (const o of rest) {
                if (o.start >= s.end) {
                    after.push(o);
                } else if (o.end <= s.end) {
                    inner.push(o);
                } else {
                    inner.push(Object.assign({}, o, { end: s.end }));
                    after.push(Object.assign({}, o, { start: s.end, continued: true }));
                }
            }
            const mark = h('mark', {
                className: `hl hl-${s.kind}`,
                'data-kind': s.kind,
                'data-index': s.index,
                'data-testid': `highlight-${s.kind}`,
                id: s.continued ? null : `${s.kind}-${s.index}`,
                title: s.detail,
            });
            if (!s.continued) {
                mark.append(h('span', { className: 'hl-label' },
                    h('span', { className: 'visually-hidden' }, s.kind === 'quote' ? 'Quote by ' : 'Casualty figure: '),
                    s.label));
            }
            renderSpans(mark, text, s.start, s.end, inner);
            parent.append(mark);
            pos = s.end;
            rest = after.sort((a, b) => a.start - b.start || b.end - a.end);
        }
        parent.append(document.createTextNode(text.slice(pos, to)));
    }

    /** The spans that fall in [from, to), cut to it. */
    function clip(spans, from, to) {
        return spans.filter((s) => s.end > from && s.start < to)
            .map((s) => Object.assign({}, s, { start: Math.max(s.start, from), end: Math.min(s.end, to),
                continued: s.continued || s.start < from }));
    }

    function legend() {
        return h('div', { className: 'legend', 'data-testid': 'legend' },
            h('h2', { className: 'legend-title' }, 'Legend'),
            h('ul', {},
                h('li', {}, h('mark', { className: 'hl hl-figure legend-sample' },
                    h('span', { className: 'hl-label' }, 'killed 3'), 'three civilians were killed'),
                ' a casualty figure, labelled with its outcome and count'),
                h('li', {}, h('mark', { className: 'hl hl-quote legend-sample' },
                    h('span', { className: 'hl-label' }, 'speaker'), 'words quoted'),
                ' a quotation, labelled with its speaker')));
    }

    async function showArticle(id) {
        const view = $('article-view');
        state.viewArticle = id;
        view.setAttribute('aria-busy', 'true');
        let d;
        try {
            d = await enriched(id, true);
        } catch (error) {
            if (state.viewArticle !== id) {
                return;
            }
            if (error instanceof RetryLater) {
                view.replaceChildren(backLink(), h('h1', { id: 'article-title' }, 'Article'),
                    h('p', { className: 'section-status', role: 'status' }, 'updating…'));
                setTimeout(() => {
                    if (state.viewArticle === id) {
                        showArticle(id);
                    }
                }, error.seconds * 1000);
            } else {
                view.replaceChildren(backLink(), h('h1', { id: 'article-title' }, 'Article not found'),
                    h('p', {}, error.status === 404 ? `There is no article ${id}.`
                        : `Could not load it: ${error.message}`));
            }
            view.removeAttribute('aria-busy');
            return;
        }
        if (state.viewArticle !== id) {
            return;
        }
        const a = d.article;
        const text = a.title === null || a.title === undefined ? a.body : `${a.title}\n\n${a.body}`;
        const bodyStart = text.length - a.body.length;
        const spans = spansOf(text, d.casualties, d.statements);

        const title = h('h1', { id: 'article-title', className: 'article-title' });
        if (a.title) {
            renderSpans(title, text, 0, a.title.length, clip(spans, 0, a.title.length));
        } else {
            title.append(articleLabel(null, a.id, a.body));
        }
        const body = h('div', { className: 'article-body', 'data-testid': 'article-body', lang: d.language || null });
        renderSpans(body, text, bodyStart, text.length, clip(spans, bodyStart, text.length));

        const meta = h('dl', { className: 'article-meta' },
            h('div', {}, h('dt', {}, 'Published'), h('dd', {}, dateText(a.published))),
            h('div', {}, h('dt', {}, 'Language'), h('dd', {}, languageText(d.language))),
            h('div', {}, h('dt', {}, 'Source'), h('dd', {}, a.source || '—')),
            a.url ? h('div', {}, h('dt', {}, 'Address'), h('dd', {}, /^https?:\/\//.test(a.url)
                ? h('a', { href: a.url, rel: 'noopener noreferrer' }, a.url) : a.url)) : null,
            h('div', {}, h('dt', {}, 'Article id'), h('dd', {}, h('code', {}, a.id))));

        const figures = h('section', { className: 'panel', 'aria-labelledby': 'figures-heading' },
            h('h2', { id: 'figures-heading' }, `Casualty figures (${d.casualties.length})`),
            d.casualties.length === 0 ? h('p', { className: 'empty' }, 'None found in this article.')
                : h('div', { className: 'table-scroll' },
                    h('table', { className: 'data', 'data-testid': 'article-figures' },
                    h('thead', {}, h('tr', {}, ['Count', 'Outcome', 'Victims', 'Party', 'Kind', 'Location', 'Evidence']
                        .map((c, i) => h('th', { scope: 'col', className: i === 0 ? 'num' : null }, c)))),
                    h('tbody', {}, d.casualties.map((c, i) => h('tr', {},
                        h('td', { className: 'num' }, `${c.approximate ? '≈ ' : ''}${number(c.count)}`),
                        h('th', { scope: 'row' }, c.outcome),
                        h('td', {}, c.victims),
                        h('td', {}, partyText(c.party)),
                        h('td', {}, c.cumulative ? 'cumulative' : 'incident'),
                        h('td', {}, c.location || '—'),
                        h('td', {}, spans.some((s) => s.kind === 'figure' && s.index === i)
                            ? h('a', { href: `#figure-${i}`, 'data-jump': `figure-${i}` }, c.evidence)
                                : c.evidence)))))));

        const quotes = h('section', { className: 'panel', 'aria-labelledby': 'statements-heading' },
            h('h2', { id: 'statements-heading' }, `Quotations (${d.statements.length})`),
            d.statements.length === 0 ? h('p', { className: 'empty' }, 'None found in this article.')
                : h('ol', { className: 'quote-feed' }, d.statements.map((s, i) => h('li', { className: 'quote' },
                    h('blockquote', {}, h('p', {}, `“${s.quote}”`)),
                    h('p', { className: 'quote-source' }, '— ', h('a', { href: speakerHref(s.speaker) }, s.speaker),
                        s.aliases && s.aliases.length ? ` (also “${s.aliases.join('”, “')}”)` : '',
                        spans.some((x) => x.kind === 'quote' && x.index === i)
                            ? [' · ', h('a', { href: `#quote-${i}`, 'data-jump': `quote-${i}` }, 'show in the text')]
                                : '')))));

        view.replaceChildren(backLink(), title, meta, legend(),
            h('section', { className: 'panel article-text', 'aria-label': 'Article text' }, body),
            figures, quotes);
        view.removeAttribute('aria-busy');
    }

    function backLink() {
        return h('p', { className: 'back' }, h('a', { href: '#/' }, '← Back to the dashboard'));
    }

    // ---------------------------------------------------------------- speaker view

    async function showSpeaker(name) {
        const view = $('speaker-view');
        state.viewSpeaker = name;
        let d;
        try {
            d = await api(`/api/speakers/${encodeURIComponent(name)}`);
        } catch (error) {
            if (state.viewSpeaker !== name) {
                return;
            }
            if (error instanceof RetryLater) {
                view.replaceChildren(backLink(), h('h1', { id: 'speaker-title' }, name),
                    h('p', { className: 'section-status', role: 'status' }, 'updating…'));
                setTimeout(() => {
                    if (state.viewSpeaker === name) {
                        showSpeaker(name);
                    }
                }, error.seconds * 1000);
            } else {
                view.replaceChildren(backLink(), h('h1', { id: 'speaker-title' }, name),
                    h('p', {}, error.status === 404 ? 'No statements by this speaker.'
                        : `Could not load: ${error.message}`));
            }
            return;
        }
        if (state.viewSpeaker !== name) {
            return;
        }
        const t = d.tally;
        view.replaceChildren(backLink(), h('h1', { id: 'speaker-title' }, t.speaker),
            h('dl', { className: 'figures' },
                h('div', { className: 'figure' }, h('dt', {}, 'Statements'), h('dd', {}, number(t.statements))),
                h('div', { className: 'figure' }, h('dt', {}, 'Articles'), h('dd', {}, number(t.articles))),
                h('div', { className: 'figure' }, h('dt', {}, 'Quoted'),
                    h('dd', { className: 'figure-dates' }, t.first_published === t.last_published
                        ? dateText(t.first_published)
                            : `${dateText(t.first_published)} to ${dateText(t.last_published)}`))),
            h('section', { className: 'panel', 'aria-labelledby': 'speaker-quotes-heading' },
                h('h2', { id: 'speaker-quotes-heading' }, 'Quotes, latest first'),
                h('ol', { className: 'quote-feed' }, d.quotes.map((q) => h('li', { className: 'quote' },
                    h('blockquote', {}, h('p', {}, `“${q.quote}”`)),
                    h('p', { className: 'quote-source' }, 'in ',
                        h('a', { href: articleHref(q.article_id) }, articleLabel(q.title, q.article_id, null)),
                        q.published ? `, ${q.published}` : ''))))));
    }

    // ---------------------------------------------------------------- routing

    function route() {
        const hash = location.hash;
        const params = new URLSearchParams(location.search);
        let match = /^#\/articles\/(.+)$/.exec(hash);
        const articleId = match ? decodeURIComponent(match[1])
            : (hash === '' || hash === '#' ? params.get('article') : null);
        match = /^#\/speakers\/(.+)$/.exec(hash);
        const speaker = match ? decodeURIComponent(match[1]) : null;

        $('dashboard-view').hidden = Boolean(articleId || speaker);
        $('article-view').hidden = !articleId;
        $('speaker-view').hidden = !speaker;
        state.viewArticle = articleId;
        state.viewSpeaker = speaker;
        if (articleId) {
            state.view = 'article';
            $('article-view').replaceChildren(backLink(), h('p', { role: 'status' }, 'Loading the article…'));
            document.title = 'Article · Frontline';
            showArticle(articleId).then(focusMain);
        } else if (speaker) {
            state.view = 'speaker';
            $('speaker-view').replaceChildren(backLink(), h('p', { role: 'status' }, 'Loading…'));
            document.title = `${speaker} · Frontline`;
            showSpeaker(speaker).then(focusMain);
        } else {
            const cameFromView = state.view !== 'dashboard';
            state.view = 'dashboard';
            document.title = 'Frontline: casualty and statement tallies';
            // Charts drawn while hidden have no size; let them measure again.
            Object.values(state.charts).forEach((chart) => chart.resize());
            if (cameFromView) {
                focusMain();
            }
        }
    }

    function focusMain() {
        $('main').focus({ preventScroll: true });
        window.scrollTo(0, 0);
    }

    document.addEventListener('click', (event) => {
        const link = event.target.closest('a[data-section], a[data-jump]');
        if (!link) {
            return;
        }
        // In-page jumps that must not change the hash route.
        event.preventDefault();
        const target = $(link.dataset.section || link.dataset.jump);
        if (link.dataset.section && location.hash !== '#/' && location.hash !== '') {
            location.hash = '#/';
        }
        requestAnimationFrame(() => {
            const el = $(link.dataset.section || link.dataset.jump) || target;
            if (el) {
                el.scrollIntoView({ block: 'start' });
                el.setAttribute('tabindex', '-1');
                el.focus({ preventScroll: true });
            }
        });
    });

    // ---------------------------------------------------------------- live updates

    let stream = null;
    let reconnectDelay = 1;
    let reconnectTimer = null;
    let hadStream = false;

    function connect() {
        clearTimeout(reconnectTimer);
        if (typeof window.EventSource === 'undefined') {
            setConnection('offline', 'No live updates in this browser');
            return;
        }
        stream = new EventSource('/api/stream');
        window.frontline.stream = stream;
        stream.addEventListener('open', () => {
            reconnectDelay = 1;
            setConnection('live', 'Live');
            if (hadStream) {
                // Events may have been missed while disconnected: read everything again.
                refreshAll(true);
            }
            hadStream = true;
        });
        stream.addEventListener('error', () => {
            if (stream.readyState === EventSource.CLOSED) {
                // The browser gives up on some errors (a 503, a wrong type): reconnect ourselves, backing off.
                stream.close();
                setConnection('reconnecting', `Reconnecting in ${reconnectDelay} s…`);
                reconnectTimer = setTimeout(connect, reconnectDelay * 1000);
                reconnectDelay = Math.min(reconnectDelay * 2, 30);
            } else {
                setConnection('reconnecting', 'Reconnecting…');
            }
        });
        stream.addEventListener('tally', (event) => onTally(parse(event)));
        stream.addEventListener('article', (event) => onArticle(parse(event)));
    }

    function parse(event) {
        window.frontline.events += 1;
        try {
            return JSON.parse(event.data);
        } catch (e) {
            return null;
        }
    }

    function onTally(event) {
        if (!event) {
            return;
        }
        if (event.kind === 'casualty') {
            if (event.value) {
                state.casualties.set(event.key || casualtyKey(event.value), event.value);
                announce(`${event.value.outcome} ${event.value.victims}: `
                    + `incident total ${number(event.value.incident_total)}`);
            } else {
                state.casualties.delete(event.key);
            }
            renderCasualties();
            schedule('monthly');
            schedule('summary');
        } else if (event.kind === 'speaker') {
            // The ranking may change and the stream's key is not in the list: read the ranking again.
            schedule('speakers');
            schedule('summary');
        }
    }

    function onArticle(event) {
        if (!event) {
            return;
        }
        state.details.delete(event.id);
        const figures = (event.casualties || []).length;
        const speakers = (event.speakers || []).length;
        announce(`New article: ${articleLabel(event.title, event.id, null)}, ${plural(figures, 'casualty figure')}, `
            + `${plural(speakers, 'speaker')}`);
        schedule('summary');
        schedule('articles');
        schedule('monthly');
        if (state.view === 'article' && state.viewArticle === event.id) {
            showArticle(event.id);
        }
    }

    // ---------------------------------------------------------------- start

    $('monthly-victims').addEventListener('change', () => refresh('monthly'));
    window.addEventListener('hashchange', route);
    route();
    refreshAll(false);
    connect();
}());
