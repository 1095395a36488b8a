/*
 * Pelican's native `Key: value` metadata as a Decap CMS custom format ("kpu-meta").
 *
 * Why our own: Decap's formats are YAML/TOML/JSON front matter, and the kit's files are read
 * by Python-Markdown's meta extension (one `Key: value` per line, continuation lines indented
 * by four spaces, a blank line before the body). The reader keeps what it parsed in a hidden
 * value (`KPU_ORIGINAL`), so saving writes every unchanged field back byte for byte and only
 * rewrites the lines of fields the admin changed.
 *
 * Works in the browser (window.KpuFormat) and in Node (module.exports) for the tests.
 */
(function (root) {
  'use strict';

  var ORIGINAL = 'KPU_ORIGINAL';
  // Python-Markdown's META_RE: up to three spaces, the key, the colon at once after it.
  var HEADER = /^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
  var MORE = /^ {4,}(.*)$/;

  function lines(text) {
    // Each line keeps its own ending, so CRLF and LF files both come back as they were.
    var parts = text.match(/[^\n]*\n|[^\n]+$/g);
    return parts || [];
  }

  function bare(line) {
    return line.replace(/\r?\n$/, '');
  }

  function normalise(model) {
    var byLower = {};
    (model.fields || []).forEach(function (field) {
      byLower[field.name.toLowerCase()] = field;
    });
    return { byLower: byLower, orders: model.orders || {} };
  }

  // Which form an item was made with: news items by Category, PPID items by Klasifikasi,
  // stages by having a Pemilihan (kpu_admin/model.py field_model makes the same keys).
  function orderKey(data) {
    if (data.Category) return 'Category=' + data.Category;
    if (data.Klasifikasi) return 'Klasifikasi=' + data.Klasifikasi;
    if (data.Pemilihan) return 'Pemilihan';
    return '';
  }

  function kindOf(index, canonical) {
    var field = index.byLower[canonical.toLowerCase()];
    return field ? field.kind : 'text';
  }

  function splitList(raw) {
    return raw
      .split(',')
      .map(function (part) { return part.trim(); })
      .filter(function (part) { return part !== ''; });
  }

  function readValue(kind, values) {
    if (kind === 'list') return splitList(values.join(','));
    if (kind === 'attachments') {
      return values
        .map(function (v) { return v.trim(); })
        .filter(function (v) { return v !== ''; })
        .map(function (v) {
          var bar = v.indexOf('|');
          if (bar < 0) return { berkas: v, label: '' };
          return { berkas: v.slice(0, bar).trim(), label: v.slice(bar + 1).trim() };
        });
    }
    return values.map(function (v) { return v.trim(); }).join('\n');
  }

  function oneLine(value) {
    // A header value cannot hold a line break: it would end the field or start a new one.
    return String(value === undefined || value === null ? '' : value).replace(/\s*[\r\n]+\s*/g, ' ').trim();
  }

  // The header text of a value, as a list of physical lines (without endings).
  function writeValue(kind, value) {
    if (value === undefined || value === null) return [];
    if (kind === 'list') {
      var items = Array.isArray(value) ? value : splitList(String(value));
      items = items.map(oneLine).filter(function (v) { return v !== ''; });
      return items.length ? [items.join(', ')] : [];
    }
    if (kind === 'attachments') {
      var refs = Array.isArray(value) ? value : [];
      return refs
        .map(function (ref) {
          if (typeof ref === 'string') return oneLine(ref);
          var target = oneLine(ref && ref.berkas);
          var label = oneLine(ref && ref.label);
          if (!target) return '';
          return label ? target + ' | ' + label : target;
        })
        .filter(function (v) { return v !== ''; });
    }
    var text = oneLine(value);
    return text ? [text] : [];
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function create(model) {
    var index = normalise(model || {});

    function canonicalName(key) {
      var field = index.byLower[key.toLowerCase()];
      return field ? field.name : key;
    }

    function fromFile(text) {
      var all = lines(text);
      var eol = /\r\n/.test(text) ? '\r\n' : '\n';
      var entries = [];
      var i = 0;
      while (i < all.length) {
        var match = HEADER.exec(bare(all[i]));
        if (!match) break;
        var raw = [all[i]];
        var values = [match[2]];
        i += 1;
        var more;
        while (i < all.length && (more = MORE.exec(bare(all[i])))) {
          raw.push(all[i]);
          values.push(more[1]);
          i += 1;
        }
        entries.push({ key: match[1], canonical: canonicalName(match[1]), raw: raw, values: values });
      }
      var separator = '';
      if (entries.length && i < all.length && bare(all[i]).trim() === '') {
        separator = all[i];
        i += 1;
      }
      var data = {};
      var kept = [];
      entries.forEach(function (entry) {
        var kind = kindOf(index, entry.canonical);
        var value = readValue(kind, entry.values);
        if (!(entry.canonical in data)) data[entry.canonical] = value;
        kept.push({ key: entry.key, canonical: entry.canonical, raw: entry.raw.join(''), value: value });
      });
      data.body = all.slice(i).join('');
      data[ORIGINAL] = JSON.stringify({ eol: eol, entries: kept, separator: separator, body: data.body });
      return data;
    }

    function toFile(data) {
      data = data || {};
      var original = null;
      try {
        original = data[ORIGINAL] ? JSON.parse(data[ORIGINAL]) : null;
      } catch (error) {
        original = null;
      }
      var eol = original ? original.eol : '\n';
      var out = [];
      var written = {};
      var first = {};
      function emit(key, canonical) {
        var kind = kindOf(index, canonical);
        var physical = writeValue(kind, data[canonical]);
        if (!physical.length) return;
        out.push(key + ': ' + physical[0] + eol);
        for (var n = 1; n < physical.length; n += 1) out.push('    ' + physical[n] + eol);
      }
      (original ? original.entries : []).forEach(function (entry) {
        var current = data[entry.canonical];
        if (written[entry.canonical]) {
          // A field written twice in the file: the form shows the first copy; keep the other
          // copies only if the admin did not change the field (compared with that first copy,
          // since a later copy may hold another value).
          if (current === undefined || same(current, first[entry.canonical])) out.push(entry.raw);
          return;
        }
        written[entry.canonical] = true;
        first[entry.canonical] = entry.value;
        if (same(current, entry.value)) {
          out.push(entry.raw);
        } else {
          emit(entry.key, entry.canonical);
        }
      });
      // New fields follow the form's order for this kind of item (the one its Category or
      // Klasifikasi names), then any others in the data's own order.
      var form = index.orders[orderKey(data)] || index.orders[''] || [];
      var names = Object.keys(data).sort(function (a, b) {
        var left = form.indexOf(a) < 0 ? form.length : form.indexOf(a);
        var right = form.indexOf(b) < 0 ? form.length : form.indexOf(b);
        return left - right;
      });
      names.forEach(function (name) {
        if (name === 'body' || name === ORIGINAL || written[name] || !(name in data)) return;
        written[name] = true;
        emit(name, name);
      });
      var body = data.body === undefined || data.body === null ? '' : String(data.body);
      var bodyChanged = !original || body !== original.body;
      if (bodyChanged) {
        body = body.replace(/\r\n/g, '\n');
        if (eol === '\r\n') body = body.replace(/\n/g, '\r\n');
        if (body !== '' && !/\n$/.test(body)) body += eol;
      }
      var separator = original && original.entries.length ? original.separator : '';
      // A new or edited body, or one that had no header before, gets the blank line, so its
      // first line can never be read as a header; an unchanged body that followed the header
      // directly stays as it was.
      var hadHeader = original && original.entries.length;
      if (out.length && body !== '' && !separator && (bodyChanged || !hadHeader)) separator = eol;
      // A kept line that ended the original file may lack its line ending: give it one when
      // anything follows it, and only then (a header-only file comes back byte for byte).
      var tail = separator + body;
      for (var k = 0; k < out.length; k += 1) {
        if (!/\n$/.test(out[k]) && (k < out.length - 1 || tail !== '')) out[k] += eol;
      }
      return out.join('') + separator + body;
    }

    return { fromFile: fromFile, toFile: toFile, ORIGINAL: ORIGINAL };
  }

  var api = { create: create, ORIGINAL: ORIGINAL };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.KpuFormat = api;
})(typeof window !== 'undefined' ? window : this);
