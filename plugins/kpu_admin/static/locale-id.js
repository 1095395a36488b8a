/*
 * Bahasa Indonesia interface for Decap CMS, the editor at /admin/.
 *
 * Why this file exists: Decap CMS ships no Indonesian locale, and the people who use the
 * editor are public-relations staff of a KPU office, not programmers. Without this file they
 * would see the English interface.
 *
 * Translated from the English locale of decap-cms-locales 3.8.2 (src/en/index.js), the
 * version bundled in decap-cms 3.16.3. Every key of that object is translated here;
 * tests/unit/test_admin_locale.py checks that the keys, the %{…} placeholders and the
 * "||||" plural forms still match English, so re-run it after upgrading Decap.
 *
 * Terms used throughout, matching the office's SOP (the admin writes; a commissioner or the
 * head of secretariat approves by publishing, which merges the change): entry = "entri",
 * collection = "koleksi", publish = "terbitkan", draft = "draf",
 * in review = "sedang ditinjau", ready = "siap terbit",
 * editorial workflow = "alur kerja redaksi".
 *
 * A plain script with no build step: load it after decap-cms.js and set `locale: id` in
 * config.yml.
 */
(function () {
  'use strict';

  var LOCALE = {
    auth: {
      login: 'Masuk',
      loggingIn: 'Sedang masuk...',
      loginWithNetlifyIdentity: 'Masuk dengan Netlify Identity',
      loginWithAzure: 'Masuk dengan Azure',
      loginWithBitbucket: 'Masuk dengan Bitbucket',
      loginWithGitHub: 'Masuk dengan GitHub',
      loginWithGitLab: 'Masuk dengan GitLab',
      loginWithGitea: 'Masuk dengan Gitea',
      loginWithForgejo: 'Masuk dengan Forgejo',
      errors: {
        email: 'Pastikan alamat email sudah diisi.',
        password: 'Silakan masukkan kata sandi Anda.',
        identitySettings:
          'Pengaturan identitas tidak dapat diakses. Jika memakai backend git-gateway, ' +
          'pastikan layanan Identity dan Git Gateway sudah diaktifkan.',
      },
    },
    app: {
      header: {
        content: 'Konten',
        workflow: 'Alur Kerja',
        media: 'Media',
        quickAdd: 'Tambah cepat',
      },
      app: {
        errorHeader: 'Gagal memuat konfigurasi CMS',
        configErrors: 'Kesalahan Konfigurasi',
        checkConfigYml: 'Periksa berkas config.yml Anda.',
        loadingConfig: 'Memuat konfigurasi...',
        waitingBackend: 'Menunggu server...',
      },
      notFoundPage: {
        header: 'Halaman Tidak Ditemukan',
      },
    },
    collection: {
      sidebar: {
        collections: 'Koleksi',
        allCollections: 'Semua Koleksi',
        searchAll: 'Cari di semua koleksi',
        searchIn: 'Cari di',
      },
      collectionTop: {
        sortBy: 'Urutkan menurut',
        viewAs: 'Tampilan',
        viewAsList: 'Tampilan daftar',
        viewAsGrid: 'Tampilan kisi',
        newButton: '＋ %{collectionLabel}',
        newButtonAriaLabel: 'Buat entri baru jenis %{collectionLabel}',
        ascending: 'Urutan naik',
        descending: 'Urutan turun',
        searchResults: 'Hasil pencarian untuk "%{searchTerm}"',
        searchResultsInCollection: 'Hasil pencarian untuk "%{searchTerm}" di %{collection}',
        filterBy: 'Saring menurut',
        groupBy: 'Kelompokkan menurut',
      },
      entries: {
        loadingEntries: 'Memuat entri...',
        cachingEntries: 'Menyiapkan entri...',
        longerLoading: 'Proses ini mungkin memerlukan beberapa menit',
        noEntries: 'Belum ada entri',
        unpublishedHeader: 'Entri yang Belum Diterbitkan',
      },
      groups: {
        other: 'Lainnya',
        negateLabel: 'Bukan %{label}',
      },
      defaultFields: {
        author: {
          label: 'Penulis',
        },
        updatedOn: {
          label: 'Diperbarui pada',
        },
      },
    },
    editor: {
      editorControl: {
        field: {
          optional: 'tidak wajib',
          widgetLabel: 'Kolom %{widgetLabel}',
        },
      },
      editorControlPane: {
        widget: {
          required: 'Kolom "%{fieldLabel}" wajib diisi.',
          regexPattern: 'Isi kolom "%{fieldLabel}" tidak sesuai dengan pola: %{pattern}.',
          processing: 'Kolom "%{fieldLabel}" sedang diproses.',
          range: 'Kolom "%{fieldLabel}" harus bernilai antara %{minValue} dan %{maxValue}.',
          min: 'Kolom "%{fieldLabel}" harus bernilai paling sedikit %{minValue}.',
          max: 'Kolom "%{fieldLabel}" harus bernilai paling banyak %{maxValue}.',
          rangeCount: 'Kolom "%{fieldLabel}" harus berisi %{minCount} sampai %{maxCount} butir.',
          rangeCountExact: 'Kolom "%{fieldLabel}" harus berisi tepat %{count} butir.',
          rangeMin: 'Kolom "%{fieldLabel}" harus berisi paling sedikit %{minCount} butir.',
          rangeMax: 'Kolom "%{fieldLabel}" harus berisi paling banyak %{maxCount} butir.',
          invalidPath: "'%{path}' bukan jalur berkas yang sah",
          pathExists: "Jalur '%{path}' sudah dipakai",
        },
        i18n: {
          writingInLocale: 'Menulis dalam bahasa %{locale}',
          copyFromLocale: 'Isi dari bahasa lain',
          copyFromLocaleConfirm:
            'Isi data dari bahasa %{locale}?\nSemua konten yang sudah ada akan ditimpa.',
        },
      },
      editor: {
        onLeavePage: 'Yakin ingin meninggalkan halaman ini?',
        onUpdatingWithUnsavedChanges:
          'Ada perubahan yang belum disimpan. Simpan dulu sebelum mengubah status.',
        onPublishingNotReady: 'Ubah status menjadi "Siap terbit" sebelum menerbitkan.',
        onPublishingWithUnsavedChanges:
          'Ada perubahan yang belum disimpan. Simpan dulu sebelum menerbitkan.',
        onPublishing: 'Yakin ingin menerbitkan entri ini?',
        onUnpublishing: 'Yakin ingin membatalkan penerbitan entri ini?',
        onDeleteWithUnsavedChanges:
          'Yakin ingin menghapus entri yang sudah terbit ini, beserta perubahan yang belum ' +
          'disimpan pada sesi ini?',
        onDeletePublishedEntry: 'Yakin ingin menghapus entri yang sudah terbit ini?',
        onDeleteUnpublishedChangesWithUnsavedChanges:
          'Semua perubahan entri ini yang belum diterbitkan akan dihapus, beserta perubahan ' +
          'yang belum disimpan pada sesi ini. Tetap hapus?',
        onDeleteUnpublishedChanges:
          'Semua perubahan entri ini yang belum diterbitkan akan dihapus. Tetap hapus?',
        loadingEntry: 'Memuat entri...',
        confirmLoadBackup:
          'Ditemukan cadangan lokal untuk entri ini. Apakah Anda ingin memakainya?',
      },
      editorInterface: {
        toggleI18n: 'Tampilkan/sembunyikan terjemahan',
        togglePreview: 'Tampilkan/sembunyikan pratinjau',
        toggleScrollSync: 'Selaraskan gulir',
        toggleNotes: 'Tampilkan/sembunyikan catatan',
      },
      editorNotesPane: {
        title: 'Catatan',
        emptyState:
          'Belum ada catatan. Tambahkan catatan pertama di bawah untuk mulai bekerja sama.',
        addNote: 'Tambah Catatan',
        addPlaceholder: 'Tulis catatan...',
        editPlaceholder: 'Ubah catatan Anda...',
        save: 'Simpan',
        cancel: 'Batal',
        edit: 'Ubah',
        delete: 'Hapus',
        resolve: 'Tandai selesai',
        unresolve: 'Buka kembali',
        confirmDelete: 'Yakin ingin menghapus catatan ini?',
        shortcut: 'Tips: tekan Ctrl+Enter untuk menambahkan catatan dengan cepat',
      },
      editorToolbar: {
        publishing: 'Menerbitkan...',
        publish: 'Terbitkan',
        published: 'Sudah terbit',
        unpublish: 'Batalkan penerbitan',
        duplicate: 'Gandakan',
        unpublishing: 'Membatalkan penerbitan...',
        publishAndCreateNew: 'Terbitkan dan buat baru',
        publishAndDuplicate: 'Terbitkan dan gandakan',
        deleteUnpublishedChanges: 'Hapus perubahan yang belum terbit',
        deleteUnpublishedEntry: 'Hapus entri yang belum terbit',
        deletePublishedEntry: 'Hapus entri yang sudah terbit',
        deleteEntry: 'Hapus entri',
        saving: 'Menyimpan...',
        save: 'Simpan',
        statusInfoTooltipDraft:
          'Status entri ini masih draf. Jika sudah selesai dan siap diperiksa, ubah statusnya ' +
          'menjadi ‘Sedang ditinjau’.',
        statusInfoTooltipInReview:
          'Entri ini sedang ditinjau; Anda tidak perlu melakukan apa-apa lagi. Namun, Anda ' +
          'masih dapat mengubahnya selama peninjauan berlangsung.',
        deleting: 'Menghapus...',
        updating: 'Memperbarui...',
        status: 'Status: %{status}',
        backCollection: ' Menulis di koleksi %{collectionLabel}',
        unsavedChanges: 'Perubahan Belum Disimpan',
        changesSaved: 'Perubahan tersimpan',
        draft: 'Draf',
        inReview: 'Sedang ditinjau',
        ready: 'Siap terbit',
        publishNow: 'Terbitkan sekarang',
        deployPreviewPendingButtonLabel: 'Periksa Pratinjau',
        deployPreviewButtonLabel: 'Lihat Pratinjau',
        deployButtonLabel: 'Lihat di Situs',
      },
      editorWidgets: {
        markdown: {
          bold: 'Tebal',
          italic: 'Miring',
          strikethrough: 'Coret',
          code: 'Kode',
          link: 'Tautan',
          linkPrompt: 'Masukkan URL tautan',
          headings: 'Judul',
          quote: 'Kutipan',
          bulletedList: 'Daftar Berpoin',
          numberedList: 'Daftar Bernomor',
          addComponent: 'Tambah Komponen',
          richText: 'Teks Berformat',
          markdown: 'Markdown',
          toggleMode: {
            rich: 'Beralih ke mode teks berformat',
            markdown: 'Beralih ke mode Markdown',
          },
        },
        image: {
          choose: 'Pilih gambar',
          chooseMultiple: 'Pilih beberapa gambar',
          chooseUrl: 'Sisipkan dari URL',
          replaceUrl: 'Ganti dengan URL',
          promptUrl: 'Masukkan URL gambar',
          chooseDifferent: 'Pilih gambar lain',
          addMore: 'Tambah gambar lagi',
          remove: 'Hapus gambar',
          removeAll: 'Hapus semua gambar',
        },
        file: {
          choose: 'Pilih berkas',
          chooseUrl: 'Sisipkan dari URL',
          chooseMultiple: 'Pilih beberapa berkas',
          replaceUrl: 'Ganti dengan URL',
          promptUrl: 'Masukkan URL berkas',
          chooseDifferent: 'Pilih berkas lain',
          addMore: 'Tambah berkas lagi',
          remove: 'Hapus berkas',
          removeAll: 'Hapus semua berkas',
        },
        unknownControl: {
          noControl: "Tidak ada kontrol isian untuk widget '%{widget}'.",
        },
        unknownPreview: {
          noPreview: "Tidak ada pratinjau untuk widget '%{widget}'.",
        },
        headingOptions: {
          headingOne: 'Judul 1',
          headingTwo: 'Judul 2',
          headingThree: 'Judul 3',
          headingFour: 'Judul 4',
          headingFive: 'Judul 5',
          headingSix: 'Judul 6',
        },
        datetime: {
          now: 'Sekarang',
          clear: 'Kosongkan',
          setToNow: 'Isi %{fieldLabel} dengan waktu sekarang',
        },
        list: {
          add: 'Tambah %{item}',
          addType: 'Tambah %{item}',
        },
        object: {
          expand: 'Buka',
          collapse: 'Tutup',
        },
      },
    },
    mediaLibrary: {
      mediaLibraryCard: {
        draft: 'Draf',
        copy: 'Salin',
        copyUrl: 'Salin URL',
        copyPath: 'Salin Jalur',
        copyName: 'Salin Nama',
        copied: 'Tersalin',
      },
      mediaLibrary: {
        onDelete: 'Yakin ingin menghapus media yang dipilih?',
        fileTooLarge:
          'Berkas terlalu besar.\nUkuran berkas paling besar yang diizinkan adalah %{size} kB.',
      },
      mediaLibraryModal: {
        loading: 'Memuat...',
        close: 'Tutup',
        noResults: 'Tidak ada hasil.',
        noAssetsFound: 'Tidak ada berkas yang ditemukan.',
        noImagesFound: 'Tidak ada gambar yang ditemukan.',
        private: 'Pribadi ',
        images: 'Gambar',
        mediaAssets: 'Berkas media',
        search: 'Cari...',
        uploading: 'Mengunggah...',
        upload: 'Unggah',
        download: 'Unduh',
        deleting: 'Menghapus...',
        deleteSelected: 'Hapus yang dipilih',
        chooseSelected: 'Pakai yang dipilih',
      },
    },
    ui: {
      default: {
        goBackToSite: 'Kembali ke situs',
      },
      errorBoundary: {
        title: 'Terjadi Kesalahan',
        details: 'Terjadi kesalahan - silakan ',
        reportIt: 'laporkan masalah ini di GitHub.',
        detailsHeading: 'Rincian',
        privacyWarning:
          'Laporan masalah yang dibuka akan otomatis berisi pesan kesalahan dan data ' +
          'pelacakan.\nPeriksa kembali kebenaran informasinya dan hapus data yang bersifat ' +
          'rahasia jika ada.',
        recoveredEntry: {
          heading: 'Dokumen yang dipulihkan',
          warning: 'Salin dan tempel isi ini ke tempat lain sebelum meninggalkan halaman!',
          copyButtonLabel: 'Salin ke papan klip',
        },
      },
      settingsDropdown: {
        logOut: 'Keluar',
        account: 'Menu pilihan akun',
      },
      toast: {
        onFailToLoadEntries: 'Gagal memuat entri: %{details}',
        onFailToLoadDeployPreview: 'Gagal memuat pratinjau: %{details}',
        onFailToPersist: 'Gagal menyimpan entri: %{details}',
        onFailToDelete: 'Gagal menghapus entri: %{details}',
        onFailToUpdateStatus: 'Gagal mengubah status: %{details}',
        missingRequiredField:
          'Maaf, masih ada kolom wajib yang belum diisi. Lengkapi dulu sebelum menyimpan.',
        entrySaved: 'Entri tersimpan',
        entryPublished: 'Entri telah diterbitkan',
        entryUnpublished: 'Penerbitan entri telah dibatalkan',
        onFailToPublishEntry: 'Gagal menerbitkan: %{details}',
        onFailToUnpublishEntry: 'Gagal membatalkan penerbitan entri: %{details}',
        entryUpdated: 'Status entri telah diperbarui',
        onDeleteUnpublishedChanges: 'Perubahan yang belum terbit telah dihapus',
        noteAdded: 'Catatan ditambahkan',
        onFailToAddNote: 'Gagal menambahkan catatan: %{details}',
        noteUpdated: 'Catatan diperbarui',
        onFailToUpdateNote: 'Gagal memperbarui catatan: %{details}',
        noteDeleted: 'Catatan dihapus',
        onFailToDeleteNote: 'Gagal menghapus catatan: %{details}',
        noteResolved: 'Catatan ditandai selesai',
        noteReopened: 'Catatan dibuka kembali',
        onFailToToggleNote: 'Gagal mengubah status selesai catatan: %{details}',
        onFailToAuth: '%{details}',
        onLoggedOut:
          'Anda telah keluar dari sistem. Simpan cadangan data Anda, lalu masuk kembali.',
        onBackendDown:
          'Layanan server sedang mengalami gangguan. Lihat %{details} untuk informasi ' +
          'lebih lanjut',
      },
    },
    workflow: {
      workflow: {
        loading: 'Memuat entri alur kerja redaksi',
        workflowHeading: 'Alur Kerja Redaksi',
        newPost: 'Entri Baru',
        description:
          '%{smart_count} entri menunggu peninjauan, %{readyCount} siap terbit. |||| ' +
          '%{smart_count} entri menunggu peninjauan, %{readyCount} siap terbit. ',
        dateFormat: 'D MMMM',
      },
      workflowCard: {
        lastChange: '%{date} oleh %{author}',
        lastChangeNoAuthor: '%{date}',
        lastChangeNoDate: 'oleh %{author}',
        deleteChanges: 'Hapus perubahan',
        deleteNewEntry: 'Hapus entri baru',
        publishChanges: 'Terbitkan perubahan',
        publishNewEntry: 'Terbitkan entri baru',
      },
      workflowList: {
        onDeleteEntry: 'Yakin ingin menghapus entri ini?',
        onPublishingNotReadyEntry:
          'Hanya entri berstatus "Siap terbit" yang dapat diterbitkan. Seret kartunya ke ' +
          'kolom "Siap terbit" agar dapat diterbitkan.',
        onPublishEntry: 'Yakin ingin menerbitkan entri ini?',
        draftHeader: 'Draf',
        inReviewHeader: 'Sedang ditinjau',
        readyHeader: 'Siap terbit',
        currentEntries: '%{smart_count} entri |||| %{smart_count} entri',
      },
    },
  };

  window.CMS.registerLocale('id', LOCALE);
})();
