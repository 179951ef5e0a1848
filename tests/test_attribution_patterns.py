"""Attribution patterns of real copy chains (issue 9), in Arabic and English: relays through an
agency, quoted names with descriptors and the subject before the verb, chains "citing", denials in
passing, and noun phrases that are not speakers. Sentences written for these tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from rawi.lang import available
from rawi.provenance import Registry, extract_attributions


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def _summary(text: str, registry: Registry) -> list[tuple[str, str, int | None]]:
    return [(a.source, a.polarity, a.cited_by) for a in extract_attributions(text, registry=registry)]


# (sentence, expected (source as written, polarity, cited_by) in textual order)
RELAYS = [
    # sources told an agency: the agency is the relay the story travels through
    (
        "وذكرت مصادر إعلامية ومحلية في حديث لوكالة نوفوستي الروسية أن الطائرات قصفت المدينة",
        [("مصادر إعلامية ومحلية", "asserts", 1), ("لوكالة نوفوستي الروسية", "reports", None)],
    ),
    (
        "A military source told Reuters that the planes struck the village.",
        [("A military source", "asserts", 1), ("Reuters", "reports", None)],
    ),
    # a name in typographic quotes, descriptors, a comma, then the verb (subject before the verb)
    (
        "وكالة “سانا” السورية الرسمية للانباء، نقلت عن مصادر أهلية أن الطائرات قصفت القرية",
        [("وكالة “سانا” السورية الرسمية للانباء", "reports", None), ("مصادر أهلية", "asserts", 0)],
    ),
    (
        "وكالة “سانا” السورية الرسمية للانباء، نقلت اليوم الأحد عن مصادر أهلية أن القرية قصفت",
        [("وكالة “سانا” السورية الرسمية للانباء", "reports", None), ("مصادر أهلية", "asserts", 0)],
    ),
    (
        "SANA, the official Syrian news agency, quoted local sources as saying the village was hit.",
        [("SANA", "reports", None), ("local sources", "asserts", 0)],
    ),
    # the agency says, citing a source: the source is relayed by the agency
    (
        "وقالت وكالة سبوتنيك نقلا عن مصدر عسكري دبلوماسي إن الطائرات قصفت القرية",
        [("وكالة سبوتنيك", "reports", None), ("مصدر عسكري دبلوماسي", "asserts", 0)],
    ),
    (
        "Reuters reported, citing a military source, that the planes struck the village.",
        [("Reuters", "reports", None), ("a military source", "asserts", 0)],
    ),
    # a speaker named by the family name alone (named in full earlier) who told a channel
    (
        'وقال الهواري لموقع "هدف المغرب" إن الرقم المتداول غير صحيح',
        [("الهواري", "denies", 1), ('لموقع "هدف المغرب"', "reports", None)],
    ),
    # what a speaker told a channel, in a frame between commas
    (
        'وقال الهواري، بحسب ما صرح به لموقع "هدف المغرب"، إن الرقم المتداول غير صحيح',
        [('لموقع "هدف المغرب"', "reports", None)],
    ),
]

DENIALS_IN_PASSING = [
    ("وتنفي قيادة التحالف تقارير إعلامية بهذا الشأن", [("قيادة التحالف", "denies", None)]),
    (
        "وقصفت الطائرات القرية في حين نفى التحالف الدولي هذه الأنباء",
        [("التحالف الدولي", "denies", None)],
    ),
    ("The coalition has denied the reports.", [("The coalition", "denies", None)]),
    ("The coalition denies the reports.", [("The coalition", "denies", None)]),
    (
        "The planes struck the village, while the coalition denied the reports.",
        [("the coalition", "denies", None)],
    ),
]

NOT_SPEAKERS = [
    ("وكشف خشية اعتقالهم أن الأمن داهم المنازل", []),
    ("وقالت مروحيات أمريكية إن", []),
    ("وأكد قيادييها عبر الهاتف أن الهدنة صامدة", [("قيادييها", "asserts", None)]),
    ("وأشار أمام العسكريين إلى أن الحرب انتهت", []),
]

SUBJECT_FIRST = [
    (
        "وكانت وكالة الأنباء “سبوتنيك” الروسية، أكدت أن وحدة خاصة وصلت إلى المطار",
        [("وكالة الأنباء “سبوتنيك” الروسية", "asserts", None)],
    ),
    ("إسرائيل تنفي إطلاق سراح الأسرى", [("إسرائيل", "denies", None)]),
    ("وظلت وسائل الإعلام الرسمية تنفي حدوث أي تدخل", [("وسائل الإعلام الرسمية", "denies", None)]),
    ("وتنفي الحكومة وحزب الله هذه الاتهامات", [("الحكومة", "denies", None), ("وحزب الله", "denies", None)]),
]

TITLES_AND_NAMES = [
    ("وقال الرئيس السوري بشار الأسد إن الحرب انتهت", [("الرئيس السوري بشار الأسد", "asserts", None)]),
    ("وقال الرئيس السوري اليوم إن الحرب انتهت", [("الرئيس السوري", "asserts", None)]),
]


# A speaker, his descriptors, then the channel he spoke to; a channel written apart (لـ " X ")
CHANNELS_AFTER_DESCRIPTORS = [
    (
        "وقال يوسف كرم رئيس لجنة الصحة في البرلمان للوكالة إن الاتفاق وقع",
        [("يوسف كرم", "asserts", 1), ("للوكالة", "reports", None)],
    ),
    (
        "وقالت سعاد حسن ، الموظفة في وزارة الصحة ، لوكالة رويترز إن المستشفى امتلأ",
        [("سعاد حسن", "asserts", 1), ("لوكالة رويترز", "reports", None)],
    ),
    (
        'وأفاد مصدر أمني لـ "المدى" بأن الحادث وقع فجرا',
        [("مصدر أمني", "asserts", 1), ("المدى", "reports", None)],
    ),
    (
        'وأفادت مصادر ل - " سكاي نيوز عربية " بخروج الحافلات من المدينة',
        [("مصادر", "asserts", 1), ("سكاي نيوز عربية", "reports", None)],
    ),
    # no channel and nothing said after the name: not a speaker
    ("وقال سامر الحلبي للمكتب", []),
]

# A state named by its country or capital speaks for its government, in any tense and position
STATES = [
    ("وتنفي الصين هذه الاتهامات", [("الصين", "denies", None)]),
    ("وتنفي تركيا هذه الاتهامات", [("تركيا", "denies", None)]),
    (
        "وتنفي الحكومة السورية وروسيا قصف المدنيين",
        [("الحكومة السورية", "denies", None), ("وروسيا", "denies", None)],
    ),
    ("وكانت تركيا قد أعلنت أن العملية انتهت", [("تركيا", "asserts", None)]),
    ("China denied the accusations.", [("China", "denies", None)]),
    # a country before a headline's colon is the place it is about, not who speaks
    ("مصر: ارتفاع أسعار الخبز في الأسواق", []),
    # an adjective spelled like a country is not a second source
    (
        "وقالت وسائل إعلام روسية وسورية إن الطائرات قصفت القرية",
        [("وسائل إعلام روسية وسورية", "asserts", None)],
    ),
]


def test_a_nisba_name_is_not_its_country(registry: Registry) -> None:
    """States are matched as written, never by stem: "الطرابلسي" (a family name) is not Tripoli."""
    atts = extract_attributions("وقال الطرابلسي إن الوثيقة قديمة", registry=registry)
    assert [(a.source, a.source_kind) for a in atts] == [("الطرابلسي", "person")]


# A source reports what another says: the speaker opening its content is relayed by it
REPORTED_SPEAKERS = [
    (
        "وذكرت وكالة رويترز أن المبعوث الدولي أكد ضرورة تقييم المؤتمر",
        [("وكالة رويترز", "reports", None), ("المبعوث الدولي", "asserts", 0)],
    ),
    (
        "وقالت الصحيفة إن الوزير نفى وجود خلافات",
        [("الصحيفة", "reports", None), ("الوزير", "denies", 0)],
    ),
]

# Names with a kunya, a title after the name, a quoted complement; coordinated registry names
NAMES = [
    ("ويقول أبو سمير إن الأسعار ارتفعت", [("أبو سمير", "asserts", None)]),
    (
        "من جانبه ، يقول أبو سمير ، وهو أحد تجار المدينة ، إن الأسعار ارتفعت",
        [("أبو سمير", "asserts", None)],
    ),
    (
        "واتهم جون سميث ، نائب مدير المنظمة ، الحكومة بأنها تعرقل التحقيق",
        [("جون سميث", "asserts", None)],
    ),
    ('وأكد العباسي " أن اللجنة لم تجد أي دليل "', [("العباسي", "asserts", None)]),
    (
        "وقال سكان وعمال إغاثة والمرصد السوري لحقوق الإنسان إن الطائرات قصفت السوق",
        [
            ("سكان", "asserts", None),
            ("وعمال إغاثة", "asserts", None),
            ("والمرصد السوري لحقوق الإنسان", "asserts", None),
        ],
    ),
]


# Statements and documents: "جاء في بيان", "أصدر X بياناً ينفي فيه", a verb whose content is
# marked by a preposition; occasions and quantities around the speaker; credits after a teaser
STATEMENTS_AND_OCCASIONS = [
    ("وجاء في تقرير المنظمة أن الوضع تدهور", [("تقرير المنظمة", "asserts", None)]),
    ("وجاء في سياق الرد على الاتهامات أن الوزارة ملتزمة", []),
    (
        "أصدر سامر حداد الناطق الرسمي باسم الحركة في المدينة بيانا ينفي فيه محاصرة المدنيين",
        [("سامر حداد الناطق", "denies", None)],
    ),
    ("وأصدرت الوزارة بيانا أكدت فيه أن الامتحانات في موعدها", [("الوزارة", "asserts", None)]),
    ("وأصدرت المحكمة حكما بسجن المتهم", []),
    (
        "وكان الرئيس الفرنسي ، إيمانويل ماكرون ، وصف الهجوم بالإرهابي",
        [("الرئيس الفرنسي ، إيمانويل ماكرون", "asserts", None)],
    ),
    ("وقال سامر حداد في معرض حديثه عن الجيش الجديد إن القوات جاهزة", [("سامر حداد", "asserts", None)]),
    ("وقال سامر حداد في معرض الكتاب", []),
    (
        "وقال إيغال بالمور المتحدث باسم وزارة الخارجية إن الحصار مستمر",
        [("إيغال بالمور المتحدث باسم وزارة الخارجية", "asserts", None)],
    ),
    ("وأشار الباحث في الشأن الروسي إلى أن رد موسكو كان ضعيفا", [("الباحث في الشأن الروسي", "asserts", None)]),
    (
        'وقال أحد الموظفين في الميناء ، فضل عدم ذكر اسمه ، لمراسل " الجزيرة " ، إن الرحلات توقفت',
        [("أحد الموظفين", "asserts", 1), ('لمراسل " الجزيرة "', "reports", None)],
    ),
    ("وقتل عشرة أشخاص وفقا لعدد من الناشطين في المدينة", [("لعدد من الناشطين في المدينة", "reports", None)]),
    ("ولا ينفي أحد أن الحوار ضروري", []),
    ("وقال بعض السكان إن القصف استمر", [("بعض السكان", "asserts", None)]),
    (
        "وأكد مسؤول في وزارة المياه ، طلب عدم كشف اسمه ، لفرانس برس أن الكسر وقع قرب المدينة",
        [("مسؤول في وزارة المياه", "asserts", 1), ("لفرانس برس", "reports", None)],
    ),
    ("وقال أحدهم ، طالبا عدم كشف اسمه ، إن القصف استمر", []),
    ("ونفت وزارة التموين والتجارة الداخلية ما تداولته المواقع", [("وزارة التموين", "denies", None)]),
    ("وقتل عشرة أشخاص بحسب بعض الناشطين", [("بعض الناشطين", "reports", None)]),
    ("وفي يوم الأحد قال الوزير إن الاتفاق قريب", [("الوزير", "asserts", None)]),
    ("موسكو تعرب عن قلقها من الهجوم", [("موسكو", "asserts", None)]),
    (
        "وقال الجيش إنه شن ضربات . . . وكالات - ذكرت وكالة الإعلام الروسية أن القاذفات نفذت ضربات",
        [("الجيش", "asserts", None), ("وكالات", "asserts", None), ("وكالة الإعلام الروسية", "asserts", None)],
    ),
    ("وقال الوزير إن الوضع صعب . . . والمزيد من التفاصيل لاحقا", [("الوزير", "asserts", None)]),
    # a source right before a verb without a conjunction is its subject; what follows, its object
    (
        "منظمة العفو الدولية تطالب الرئيس بأن يفرج عن المعتقلين",
        [("منظمة العفو الدولية", "asserts", None)],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    CHANNELS_AFTER_DESCRIPTORS + STATES + REPORTED_SPEAKERS + NAMES + STATEMENTS_AND_OCCASIONS,
)
def test_speakers_channels_and_states(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), RELAYS)
def test_relays(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), DENIALS_IN_PASSING)
def test_denials_in_passing(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), NOT_SPEAKERS)
def test_noun_phrases_that_are_not_speakers(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), SUBJECT_FIRST)
def test_subject_before_the_verb(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), TITLES_AND_NAMES)
def test_title_then_name(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


def test_relay_names_the_registry_entry(registry: Registry) -> None:
    atts = extract_attributions(
        "وكالة “سانا” السورية الرسمية للانباء، نقلت عن مصادر أهلية أن القرية قصفت", registry=registry
    )
    assert atts[0].source_key == "sana" and atts[1].cited_by == 0


PROVENANCE = Path(__file__).resolve().parent.parent / "src" / "rawi" / "provenance"
# Every script block of Arabic (basic, Supplement, Extended-A, presentation forms A and B).
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _docstring_ids(tree: ast.AST) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _language_code_tests(node: ast.Compare) -> bool:
    """``x.code == "ar"`` or ``lang in ("ar", "en")``: a comparison with a language's code."""
    operands = [node.left, *node.comparators]
    codes = set(available())
    literals = [
        value
        for x in operands
        for value in ([x] if isinstance(x, ast.Constant) else getattr(x, "elts", []))
        if isinstance(value, ast.Constant)
    ]
    return any(isinstance(x, ast.Attribute) and x.attr == "code" for x in operands) or any(
        v.value in codes for v in literals
    )


@pytest.mark.parametrize("module", sorted(p.name for p in PROVENANCE.glob("*.py")))
def test_provenance_modules_hold_no_language_data(module: str) -> None:
    """Word order, word lists and letters come from rawi/lang/<code>/ (Language attributes and its
    list files), so a third language is one new folder: no module of rawi.provenance compares a
    language code, and none holds an Arabic-script string outside comments and docstrings."""
    tree = ast.parse((PROVENANCE / module).read_text(encoding="utf-8"))
    docstrings = _docstring_ids(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and _language_code_tests(node):
            raise AssertionError(f"{module}:{node.lineno} compares a language code")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            assert not _ARABIC_SCRIPT.search(node.value), f"{module}:{node.lineno} {node.value!r}"


def test_the_guard_sees_what_it_forbids() -> None:
    """The guard above fails on the patterns it is for (a guard that passes everything proves nothing)."""
    tree = ast.parse('x = lang.code == "ar"\ny = code in ("ar", "en")\nz = "\u0648\u0643\u0627\u0644\u0629"')
    compares = [n for n in ast.walk(tree) if isinstance(n, ast.Compare)]
    assert len(compares) == 2 and all(_language_code_tests(n) for n in compares)
    assert any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and _ARABIC_SCRIPT.search(n.value)
        for n in ast.walk(tree)
    )
