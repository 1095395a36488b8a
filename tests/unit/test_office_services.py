"""Voter-service links, the opinion disclaimer and the commissioners' keys of KPU_OFFICE."""

import copy

import pytest

from kpu_office.model import (
    DEFAULT_OPINION_DISCLAIMER,
    commissioners,
    derived_settings,
    validate_office,
)
from kpu_office.services import DEFAULT_ORDER, KNOWN_SERVICES, shown_services, validate_services
from tests.conftest import make_settings


@pytest.fixture
def office():
    return copy.deepcopy(make_settings()["KPU_OFFICE"])


def test_the_sample_block_lists_every_default_service_in_order(office):
    shown = derived_settings(office)["KPU_VOTER_SERVICES"]
    assert [s["service"] for s in shown] == list(DEFAULT_ORDER)
    assert shown[0]["label"] == "Cek DPT Online" and shown[0]["lookup"] is True
    assert all(s["url"].startswith("https://") for s in shown)
    assert "siakba" not in [s["service"] for s in shown]  # listed, but switched off


def test_without_the_key_the_national_services_are_shown():
    shown = shown_services(None)
    assert [s["service"] for s in shown] == ["cek_dpt", "info_pemilu", "jdih", "lapor", "kpu_ri"]
    assert shown[0]["url"] == "https://cekdptonline.kpu.go.id"
    assert validate_services(None) == []


def test_an_office_reorders_switches_off_and_overrides():
    entries = [
        {"service": "lapor"},
        {"service": "cek_dpt", "label": "Cek status pemilih"},
        {"service": "jdih", "show": False},
        {"service": "bawaslu", "url": "https://palu.bawaslu.go.id", "description": "Pengawas."},
    ]
    assert validate_services(entries) == []
    shown = shown_services(entries)
    assert [s["service"] for s in shown] == ["lapor", "cek_dpt", "bawaslu"]
    assert shown[1]["label"] == "Cek status pemilih"
    assert shown[1]["url"] == KNOWN_SERVICES["cek_dpt"]["url"]
    assert shown[2] == {
        "service": "bawaslu",
        "label": "Bawaslu Kabupaten",
        "description": "Pengawas.",
        "url": "https://palu.bawaslu.go.id",
        "lookup": False,
    }


def test_a_switched_off_service_needs_no_address():
    assert validate_services([{"service": "kpu_provinsi", "show": False}]) == []


KEY = 'KPU_OFFICE["voter_services"]'


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ({"service": "cek_dpt"}, f"{KEY} harus berupa daftar (list)"),
        (["cek_dpt"], f'{KEY}[0] harus berupa dict, misalnya {{"service": "cek_dpt"}}.'),
        (
            [{"service": "cek-dpt"}],
            f'{KEY}[0]["service"]: layanan "cek-dpt" tidak dikenal. Pilihan: cek_dpt, '
            "info_pemilu, jdih, lapor, kpu_ri, kpu_provinsi, bawaslu, siakba. Mungkin maksud "
            'Anda "cek_dpt"?',
        ),
        ([{"label": "Cek"}], f'{KEY}[0]["service"] wajib diisi'),
        (
            [{"service": "jdih"}, {"service": "jdih"}],
            f'{KEY}[1]["service"]: layanan "jdih" sudah ada di daftar',
        ),
        (
            [{"service": "jdih", "url": "http://jdih.kpu.go.id"}],
            f'{KEY}[0]["url"] harus alamat lengkap yang diawali https://',
        ),
        (
            [{"service": "kpu_provinsi"}],
            f'{KEY}[0]["url"] wajib diisi untuk "kpu_provinsi" (tidak ada alamat bawaan)',
        ),
        ([{"service": "lapor", "label": " "}], f'{KEY}[0]["label"] tidak boleh kosong'),
        ([{"service": "lapor", "description": ""}], f'{KEY}[0]["description"] tidak boleh'),
        ([{"service": "lapor", "show": "tidak"}], f'{KEY}[0]["show"] harus True atau False'),
        (
            [{"service": "lapor", "tampil": False}],
            f'{KEY}[0]: kunci "tampil" tidak dikenal. Kunci yang boleh: service, label, '
            "description, url, show.",
        ),
        (
            [{"service": "lapor", "lable": "LAPOR"}],
            'kunci "lable" tidak dikenal. Kunci yang boleh: service, label, description, url, '
            'show. Mungkin maksud Anda "label"?',
        ),
    ],
)
def test_each_mistake_names_its_entry_and_field(office, entries, expected):
    office["voter_services"] = entries
    problems = validate_office(office)
    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_every_mistake_in_the_new_keys_is_listed_at_once(office):
    office["voter_services"] = [
        {"service": "cek_dpt", "show": "ya"},
        {"service": "kpu_provinsi"},
        {"service": "bawasluu", "url": "bawaslu.go.id"},
        {"service": "cek_dpt"},
        "lapor",
    ]
    office["opinion_disclaimer"] = "  "
    office["divisions"][1]["role"] = ""
    office["divisions"][2]["photo"] = "/tmp/foto.jpg"
    office["email"] = ""  # an old mistake, reported in the same list
    problems = validate_office(office)
    expected = [
        'KPU_OFFICE["email"] wajib diisi',
        f'{KEY}[0]["show"]',
        f'{KEY}[1]["url"] wajib diisi',
        f'{KEY}[2]["service"]: layanan "bawasluu" tidak dikenal',
        f'{KEY}[2]["url"] harus alamat lengkap',
        f'{KEY}[3]["service"]: layanan "cek_dpt" sudah ada',
        f"{KEY}[4] harus berupa dict",
        'KPU_OFFICE["opinion_disclaimer"] harus berupa teks',
        'KPU_OFFICE["divisions"] nomor 2["role"] harus teks jabatan',
        'KPU_OFFICE["divisions"] nomor 3["photo"] harus nama berkas foto di content/images/',
    ]
    for start in expected:
        assert sum(start in p for p in problems) == 1, (start, problems)
    assert len(problems) == len(expected), problems


def test_the_opinion_disclaimer_defaults_to_the_office_name(office):
    office.pop("opinion_disclaimer")
    wording = derived_settings(office)["KPU_OPINION_DISCLAIMER"]
    assert wording == DEFAULT_OPINION_DISCLAIMER.format(name="KPU Kabupaten Temanggung")
    office["opinion_disclaimer"] = "Pendapat penulis sendiri."
    assert derived_settings(office)["KPU_OPINION_DISCLAIMER"] == "Pendapat penulis sendiri."


def test_the_voter_lookup_is_none_when_switched_off(office):
    office["voter_services"] = [{"service": "cek_dpt", "show": False}, {"service": "lapor"}]
    assert derived_settings(office)["KPU_VOTER_LOOKUP"] is None
    office.pop("voter_services")
    assert derived_settings(office)["KPU_VOTER_LOOKUP"]["label"] == "Cek DPT Online"


def test_a_second_chair_is_a_mistake(office):
    office["divisions"][3]["role"] = "Ketua"
    assert validate_office(office) == [
        'KPU_OFFICE["divisions"] nomor 4["role"]: "Ketua" sudah diberikan ke divisi lain.'
    ]


@pytest.mark.parametrize("photo", ["images/a.gif", "../rahasia.jpg", "images/../x.jpg", 12])
def test_a_photo_must_be_a_picture_under_images(office, photo):
    office["secretariat"]["photo"] = photo
    assert validate_office(office) == [
        'KPU_OFFICE["secretariat"]["photo"] harus nama berkas foto di content/images/, misalnya '
        '"images/anggota/nama.jpg" (jpg, png atau webp).'
    ]


def test_commissioners_put_the_chair_first_and_keep_division_order(office):
    office["divisions"][0].pop("role")
    office["divisions"][2]["role"] = "Ketua"
    people = commissioners(office)
    assert [p["slug"] for p in people] == [
        "perencanaan-data-informasi",
        "keuangan-umum-logistik",
        "sosialisasi-parmas-sdm",
        "teknis-penyelenggaraan",
        "hukum-pengawasan",
    ]
    assert [p["role"] for p in people] == ["Ketua"] + ["Anggota"] * 4
