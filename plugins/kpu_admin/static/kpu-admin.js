/*
 * The kit's part of the editor: registers the `kpu-meta` format, the site's stylesheet and
 * article-like previews, the checks the form cannot express (photo alt text, dates the kit
 * refuses), and signs in to GitHub with a token when the office uses no OAuth helper.
 */
(function () {
  'use strict';

  var here = document.currentScript.src.replace(/[^/]*$/, '');
  var USER_KEY = 'decap-cms-user';
  var h = window.h;
  var createClass = window.createClass;

  function isLocal() {
    return ['localhost', '127.0.0.1', '[::1]'].indexOf(window.location.hostname) >= 0;
  }

  function text(value) {
    return value === undefined || value === null ? '' : String(value).trim();
  }

  function list(value) {
    if (!value) return [];
    if (typeof value.toJS === 'function') value = value.toJS();
    return Array.isArray(value) ? value : [value];
  }

  function day(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(value));
    return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  }

  /* What the kit's check refuses and the form's own rules cannot say. */
  function problems(data, collection) {
    var found = [];
    var now = new Date();
    var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    if (text(data.Image) && !text(data.Image_alt)) {
      found.push('kolom "Teks alternatif foto" wajib diisi bila ada foto: jelaskan isi foto untuk pembaca tunanetra.');
    }
    var date = day(data.Date);
    if (date && (date - today) / 86400000 > 366) {
      found.push('kolom "Tanggal terbit" lebih dari setahun ke depan. Periksa tahunnya.');
    }
    if (date && date.getFullYear() < 1999) {
      found.push('kolom "Tanggal terbit": tahun ' + date.getFullYear() + ' terlalu lama; periksa kembali tanggalnya.');
    }
    if (collection === 'tahapan') {
      // The same order rule as kpu_stages: ISO text of one form compares as it reads.
      var mulai = text(data.Mulai);
      var selesai = text(data.Selesai);
      if (mulai && selesai && (mulai.length > 10) !== (selesai.length > 10)) {
        found.push('kolom "Selesai": tulis jam pada "Mulai" dan "Selesai", atau tidak pada keduanya.');
      } else if (mulai && selesai && (selesai < mulai || (mulai.length > 10 && selesai === mulai))) {
        found.push('kolom "Selesai" lebih awal daripada "Mulai": betulkan salah satunya.');
      }
    }
    if (collection.indexOf('ppid-') === 0) {
      var tanggal = day(data.Tanggal);
      var diperbarui = day(data.Diperbarui);
      var tahun = Number(text(data.Tahun));
      if (tanggal && tanggal > today) found.push('kolom "Tanggal terbit di situs" belum terjadi: isi dengan hari ini atau sebelumnya.');
      if (diperbarui && diperbarui > today) found.push('kolom "Tanggal diperbarui" belum terjadi.');
      if (tanggal && diperbarui && diperbarui < tanggal) found.push('kolom "Tanggal diperbarui" tidak boleh lebih awal daripada "Tanggal terbit di situs".');
      if (text(data.Tahun) && (tahun < 1999 || tahun > now.getFullYear())) {
        found.push('kolom "Tahun informasi": tulis tahun antara 1999 dan ' + now.getFullYear() + '.');
      }
    }
    list(data.Lampiran).forEach(function (ref) {
      var target = text(ref && ref.berkas);
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^https:\/\/[^\s/]+/.test(target)) {
        found.push('kolom "Lampiran": tautan "' + target + '" harus alamat lengkap yang diawali https://.');
      }
    });
    return found;
  }

  function checkBeforeSave(event) {
    var entry = event.entry;
    var found = problems(entry.get('data').toJS(), entry.get('collection'));
    if (found.length) throw new Error(found.join(' '));
  }

  function field(data, name) {
    return text(data.get(name));
  }

  function newsPreview(model, label) {
    return createClass({
      render: function () {
        var data = this.props.entry.get('data');
        var image = field(data, 'Image');
        // The photo field has its own media folder: getAsset needs the field to find it.
        var imageField = this.props.fields.find(function (f) { return f.get('name') === 'Image'; });
        var asset = image ? this.props.getAsset(image, imageField) : null;
        var divisions = list(data.get('Divisi')).map(function (slug) {
          return model.divisions[slug] || slug;
        });
        var rows = [h('div', { className: 'kpu-article-meta__row', key: 't' }, h('dt', null, 'Tanggal'), h('dd', null, field(data, 'Date')))];
        if (field(data, 'Nomor')) rows.push(h('div', { className: 'kpu-article-meta__row', key: 'n' }, h('dt', null, 'Nomor'), h('dd', null, field(data, 'Nomor'))));
        if (divisions.length) rows.push(h('div', { className: 'kpu-article-meta__row', key: 'd' }, h('dt', null, 'Divisi'), h('dd', null, divisions.join('; '))));
        var parts = [
          h('header', { className: 'kpu-article__header', key: 'h' },
            h('p', { className: 'kpu-article__type' }, h('span', { className: 'kpu-badge' }, label)),
            h('h1', { className: 'kpu-article__title' }, field(data, 'Title') || '(judul belum diisi)'),
            h('dl', { className: 'kpu-article-meta' }, rows))
        ];
        if (field(data, 'Putusan')) {
          parts.push(h('aside', { className: 'kpu-hoax kpu-hoax--' + field(data, 'Putusan'), key: 'x' },
            h('p', { className: 'kpu-hoax__verdict' }, 'Putusan: ', h('strong', null, field(data, 'Putusan'))),
            h('dl', { className: 'kpu-hoax__fields' },
              h('dt', null, 'Klaim yang beredar'), h('dd', null, h('blockquote', { className: 'kpu-hoax__claim' }, field(data, 'Klaim'))),
              h('dt', null, 'Dasar'), h('dd', null, field(data, 'Dasar')),
              h('dt', null, 'Sumber rujukan'), h('dd', null, field(data, 'Sumber')))));
        }
        if (asset) {
          parts.push(h('figure', { className: 'kpu-article__figure', key: 'f' },
            h('img', { src: asset.toString(), alt: field(data, 'Image_alt') }),
            field(data, 'Image_caption') ? h('figcaption', null, field(data, 'Image_caption')) : null));
        }
        parts.push(h('div', { className: 'kpu-prose', key: 'b' }, this.props.widgetFor('body')));
        return h('main', { className: 'kpu-main kpu-pratinjau' }, h('article', { className: 'kpu-article' }, parts));
      }
    });
  }

  function ppidPreview() {
    return createClass({
      render: function () {
        var data = this.props.entry.get('data');
        var rows = ['Kelompok', 'Tahun', 'Tanggal', 'Ringkasan', 'Penguasa_Informasi', 'Penanggung_Jawab',
          'Waktu_Pembuatan', 'Tempat_Pembuatan', 'Retensi', 'Dasar_Hukum', 'Uji_Konsekuensi',
          'Jangka_Waktu_Pengecualian']
          .filter(function (name) { return field(data, name); })
          .map(function (name) {
            return h('div', { className: 'kpu-article-meta__row', key: name }, h('dt', null, name.replace(/_/g, ' ')), h('dd', null, field(data, name)));
          });
        return h('main', { className: 'kpu-main kpu-pratinjau' }, h('article', { className: 'kpu-article kpu-ppid-item' },
          h('header', { className: 'kpu-article__header' }, h('h1', { className: 'kpu-article__title' }, field(data, 'Judul') || '(judul belum diisi)')),
          h('dl', { className: 'kpu-article-meta' }, rows),
          data.get('body') !== undefined ? h('div', { className: 'kpu-prose' }, this.props.widgetFor('body')) : null));
      }
    });
  }

  function stagePreview(model) {
    return createClass({
      render: function () {
        var data = this.props.entry.get('data');
        var unit = list(data.get('Divisi'))[0];
        var rows = [['Pemilihan', field(data, 'Pemilihan')],
          ['Waktu', field(data, 'Mulai') + ' s.d. ' + field(data, 'Selesai')],
          ['Tempat', field(data, 'Tempat')],
          ['Penanggung jawab', unit ? (model.divisions[unit] || unit) : ''],
          ['Dasar hukum', field(data, 'Dasar')]]
          .filter(function (row) { return row[1] && row[1] !== ' s.d. '; })
          .map(function (row) {
            return h('div', { className: 'kpu-article-meta__row', key: row[0] }, h('dt', null, row[0]), h('dd', null, row[1]));
          });
        return h('main', { className: 'kpu-main kpu-pratinjau' }, h('article', { className: 'kpu-article' },
          h('header', { className: 'kpu-article__header' }, h('h1', { className: 'kpu-article__title' }, field(data, 'Judul') || '(nama tahapan belum diisi)')),
          h('dl', { className: 'kpu-article-meta' }, rows),
          h('div', { className: 'kpu-prose' }, this.props.widgetFor('body'))));
      }
    });
  }

  function pagePreview() {
    return createClass({
      render: function () {
        var data = this.props.entry.get('data');
        return h('main', { className: 'kpu-main kpu-pratinjau' }, h('article', { className: 'kpu-article kpu-article--page' },
          h('header', { className: 'kpu-article__header' }, h('h1', { className: 'kpu-article__title' }, field(data, 'Title'))),
          h('div', { className: 'kpu-prose' }, this.props.widgetFor('body'))));
      }
    });
  }

  function registerAll(model) {
    window.CMS.registerCustomFormat('kpu-meta', 'md', window.KpuFormat.create(model));
    window.CMS.registerPreviewStyle(model.stylesheet);
    window.CMS.registerPreviewStyle(here + 'kpu-pratinjau.css');
    model.collections.forEach(function (collection) {
      var template = collection.kind === 'news' ? newsPreview(model, collection.label)
        : collection.kind === 'ppid' ? ppidPreview()
        : collection.kind === 'stage' ? stagePreview(model) : pagePreview();
      window.CMS.registerPreviewTemplate(collection.name, template);
    });
    window.CMS.registerEventListener({ name: 'preSave', handler: checkBeforeSave });
  }

  function say(message) {
    var box = document.getElementById('kpu-masuk');
    var note = document.getElementById('kpu-masuk-pesan') || document.createElement('p');
    note.id = 'kpu-masuk-pesan';
    note.setAttribute('role', 'alert');
    note.textContent = message;
    box.appendChild(note);
  }

  /* The token route: the token is checked against GitHub and kept only in this browser. */
  function signInWithToken(model) {
    return new Promise(function (resolve) {
      var box = document.getElementById('kpu-masuk');
      var form = document.getElementById('kpu-masuk-token');
      box.hidden = false;
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var token = form.elements.token.value.trim();
        fetch('https://api.github.com/repos/' + model.repo, { headers: { Authorization: 'token ' + token } })
          .then(function (response) {
            if (response.status === 401) throw new Error('Token tidak diterima GitHub: mungkin salah ketik, sudah kedaluwarsa, atau dicabut.');
            if (!response.ok) throw new Error('Token ini tidak membuka repositori ' + model.repo + '. Minta pengelola memberi akses "Contents" dan "Pull requests" (baca dan tulis).');
            return response.json();
          })
          .then(function (repo) {
            if (!repo.permissions || !repo.permissions.push) {
              throw new Error('Token ini hanya dapat membaca. Minta pengelola memberi izin tulis untuk "Contents" dan "Pull requests".');
            }
            window.localStorage.setItem(USER_KEY, JSON.stringify({ backendName: 'github', token: token }));
            box.hidden = true;
            resolve();
          })
          .catch(function (error) {
            say(error.message || 'GitHub tidak dapat dihubungi. Periksa koneksi internet, lalu coba lagi.');
          });
      });
    });
  }

  function start(model) {
    if (!model.installed) {
      document.getElementById('kpu-masuk').hidden = false;
      say('Editor belum terpasang di situs ini: pengembang perlu menjalankan "npm ci" sebelum membangun situs.');
      return;
    }
    if (!isLocal() && !model.repo) {
      document.getElementById('kpu-masuk').hidden = false;
      document.getElementById('kpu-masuk-token').hidden = true;
      say('Editor belum disetel: pengembang perlu mengisi KPU_ADMIN_REPO (repositori GitHub situs) di pelicanconf.py.');
      return;
    }
    registerAll(model);
    var signedIn = Boolean(window.localStorage.getItem(USER_KEY));
    var ready = !isLocal() && model.tokenSignIn && !signedIn ? signInWithToken(model) : Promise.resolve();
    ready.then(function () { window.CMS.init(); });
  }

  // Decap refuses a save with invalid fields by rejecting a promise with no reason, after it
  // has shown the admin which fields to fix: that refusal is not an error of the page.
  window.addEventListener('unhandledrejection', function (event) {
    if (event.reason === undefined) event.preventDefault();
  });

  fetch(here + 'kpu-model.json')
    .then(function (response) { return response.json(); })
    .then(start)
    .catch(function () {
      document.getElementById('kpu-masuk').hidden = false;
      say('Pengaturan editor tidak dapat dimuat. Muat ulang halaman ini.');
    });
})();
