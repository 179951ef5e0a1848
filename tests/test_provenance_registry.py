"""Sources registry resolution, user files, reliability weights, and outlet detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from rawi.errors import InputError
from rawi.provenance import Registry, detect_outlet, load_reliability, parse_credit_line, parse_dateline
from rawi.records import Article


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.mark.parametrize(
    ("mention", "key"),
    [
        ("رويترز", "reuters"),
        ("وكالة رويترز", "reuters"),
        ("ووكالة رويترز", "reuters"),  # conjunction on the prefix word
        ("لرويترز", "reuters"),  # preposition attached
        ("برويترز", "reuters"),
        ("فرويترز", "reuters"),
        ("وكالة الأنباء الفرنسيّة", "afp"),  # shadda
        ("وكالة الانباء الفرنسيه", "afp"),  # bare alef, ha for ta marbuta
        ("فرانس بـــرس", "afp"),  # tatweel
        ("الوكالة العربية السورية للأنباء", "sana"),
        ("للوكالة العربية السورية للانباء", "sana"),  # لل + article
        ("وكالة سانا", "sana"),
        ("والمرصد السوري لحقوق الإنسان", "sohr"),
        ("Reuters", "reuters"),
        ("the Associated Press", "ap"),
        ("news agency Reuters", "reuters"),
        ("Agence France-Presse", "afp"),
    ],
)
def test_resolve_is_robust_to_letter_variants_and_clitics(registry: Registry, mention: str, key: str) -> None:
    entry = registry.resolve(mention)
    assert entry is not None and entry.key == key


@pytest.mark.parametrize("mention", ["الوكالة", "الحكومة", "الجيش", "قال", "", "وكالة"])
def test_generic_words_resolve_to_nothing(registry: Registry, mention: str) -> None:
    assert registry.resolve(mention) is None


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.aljazeera.net/news/2020/1/1/x", "aljazeera"),
        ("https://mubasher.aljazeera.net/live", "aljazeera"),
        ("http://sana.sy/?p=1", "sana"),
        ("reuters.com/world", "reuters"),
    ],
)
def test_from_url_takes_the_longest_registered_domain(registry: Registry, url: str, key: str) -> None:
    entry = registry.from_url(url)
    assert entry is not None and entry.key == key


def test_from_url_unknown_domain(registry: Registry) -> None:
    assert registry.from_url("https://example.org/a") is None


def test_user_file_adds_and_overrides_by_key(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "sources:\n"
        "  - key: zaman_alwasl\n    kind: outlet\n    country: SY\n    ownership: unknown\n"
        "    names: {ar: ['زمان الوصل'], en: ['Zaman al-Wasl']}\n    aliases: ['zamanalwsl.net']\n"
        "  - key: reuters\n    kind: agency\n    country: GB\n    ownership: private\n"
        "    names: {ar: ['رويترز'], en: ['Reuters']}\n    aliases: ['reuters.example']\n",
        encoding="utf-8",
    )
    reg = Registry.load([user])
    assert reg.resolve("موقع زمان الوصل").key == "zaman_alwasl"  # type: ignore[union-attr]
    assert reg.from_url("https://zamanalwsl.net/x").key == "zaman_alwasl"  # type: ignore[union-attr]
    assert reg.from_url("https://reuters.example/x").key == "reuters"  # type: ignore[union-attr]
    assert reg.from_url("https://reuters.com/x") is None  # the user's entry replaced the shipped one
    assert reg.display_names()["zaman_alwasl"] == "Zaman al-Wasl"


def test_bad_user_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(InputError):
        Registry.load([bad])


def test_load_reliability_yaml_and_csv(tmp_path: Path) -> None:
    y = tmp_path / "w.yaml"
    y.write_text("reuters: 0.9\nsana: 0.4\n", encoding="utf-8")
    assert load_reliability(y) == {"reuters": 0.9, "sana": 0.4}
    c = tmp_path / "w.csv"
    c.write_text("key,weight\nreuters,1\nafp,0.75\n", encoding="utf-8")
    assert load_reliability(c) == {"reuters": 1.0, "afp": 0.75}


@pytest.mark.parametrize("content", ["reuters: 1.5\n", "reuters: high\n"])
def test_load_reliability_rejects_weights_outside_0_1(tmp_path: Path, content: str) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="reuters"):
        load_reliability(path)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("دمشق-سانا\nأعلنت وزارة الكهرباء عن خطة جديدة.", "sana"),
        ("دمشق - سانا أعلنت وزارة الكهرباء عن خطة جديدة.", "sana"),
        ("بيروت (رويترز) - قال مسؤولون إن الميناء أعيد فتحه.", "reuters"),
        ("القاهرة (أ ف ب) - ارتفعت أسعار الخبز.", "afp"),
        ("LONDON (Reuters) - Shares fell on Monday.", "reuters"),
        ("(AFP) - Heavy rain flooded the capital.", "afp"),
        ("ارتفعت أسعار الخبز في الأسواق.\nالمصدر: وكالة الأناضول", "anadolu"),
        ("ارتفعت أسعار الخبز في الأسواق.\nالمصدر : الأناضول", "anadolu"),
        ("Bread prices rose again.\nSource: Reuters", "reuters"),
        ("ارتفعت أسعار الخبز في الأسواق.\n(رويترز)", "reuters"),
        ("ارتفعت أسعار الخبز في الأسواق.\nالمصدر: وكالات", "agencies"),
        ("ارتفعت أسعار الخبز في الأسواق.\nالمصدر: موقع زمان الوصل", "موقع زمان الوصل"),
        ("بقلم: سامر الأحمد - الجزيرة نت\nارتفعت أسعار الخبز في الأسواق.", "aljazeera"),
        ("By Jane Doe, Reuters\nBread prices rose again.", "reuters"),
        ("ارتفعت أسعار الخبز في الأسواق.\nكتب: سامر الأحمد - وكالة الأناضول", "anadolu"),
    ],
)
def test_detect_outlet_from_datelines_and_credit_lines(registry: Registry, body: str, key: str) -> None:
    assert detect_outlet(Article("x", body), registry) == key


def test_detect_outlet_prefers_metadata(registry: Registry) -> None:
    body = "بيروت (رويترز) - قال مسؤولون إن الميناء أعيد فتحه."
    assert detect_outlet(Article("x", body, outlet="الجزيرة نت"), registry) == "aljazeera"
    # an outlet the registry does not know keeps its spelling: users read it in reports and stats
    assert detect_outlet(Article("x", body, outlet="Daily Gazette"), registry) == "Daily Gazette"
    assert detect_outlet(Article("x", body, url="https://www.aljazeera.net/a"), registry) == "aljazeera"


@pytest.mark.parametrize(
    "body",
    [
        "ارتفعت أسعار الخبز في الأسواق اليوم.",
        "مصدر الصورة: رويترز\nارتفعت أسعار الخبز.",
        "الحكومة - وهي الجهة المسؤولة - لم تعلق.",
    ],
)
def test_no_outlet_when_nothing_names_one(registry: Registry, body: str) -> None:
    assert detect_outlet(Article("x", body), registry) is None


def test_photo_credit_is_not_an_outlet(registry: Registry) -> None:
    assert parse_credit_line("مصدر الصورة: رويترز", registry) is None
    assert parse_dateline("الحكومة - وهي الجهة المسؤولة", registry) is None
