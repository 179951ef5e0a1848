"""An article that restates the claim's event in its own words agrees with it, even when the
classifier's doubt leans to a denial that no sentence carries; an article that reads as a denial the
gate cannot tie to the claim keeps the claim from being called supported (hand-written Arabic news,
original text).

A local radio's piece leads with neighbours' words in dialect, then states the fall and the eight
injured as fact: it reports the event, not at a distance. A ministry's statement that "no shortage of the
medicine exists in the country" denies, in other words than the claim's, a shortage that two
pharmacists' reports describe in two towns: rawi cannot tell that its denial is of this claim, so it
does not count it as a denying origin, but it no longer calls the shortage supported over it.
"""

from __future__ import annotations

from pathlib import Path

from _newsroom import checked, stances
from rawi.verdict.decide import EvidenceStance, decide

SCAFFOLD = {
    "scaffold/agency.txt": """إصابة ثمانية عمال بانهيار سقالة في ورشة بناء بحي الميدان في دمشق

دمشق - سانا

أصيب ثمانية عمال، صباح اليوم الإثنين، إثر انهيار سقالة خشبية في ورشة لبناء مجمع سكني في حي الميدان بدمشق، ونقلوا جميعاً إلى مشفى المجتهد.

وقال مدير المشفى إن حالة اثنين من المصابين خطرة، فيما حالة الباقين مستقرة.
""",
    "scaffold/radio.txt": """«صار في صريخ وغبرة»: جيران ورشة الميدان يروون لحظة سقوط السقالة

دمشق - إذاعة المدينة

«كنا قاعدين قدام الدكان، سمعنا صوت خشب عم يتكسر، وبلحظة صار في صريخ وغبرة وما عاد شفنا شي»، يقول أبو سمير، صاحب محل البقالة المقابل للورشة.

ويروي شهود عيان لإذاعة المدينة أن السقالة الخشبية انهارت صباح الإثنين بالعمال الذين كانوا عليها في ورشة البناء بحي الميدان، فأصيب ثمانية منهم نقلتهم سيارات الإسعاف إلى مشفى المجتهد.

وتقول أم خالد إن ابنها، وهو أحد المصابين، «انكسرت إجره وضلعين»، مضيفة أن العمال اشتكوا مراراً من الحبال القديمة.
""",
    "sport/derby.txt": """الوحدة يفوز على الجيش في ديربي العاصمة

دمشق - الملاعب

فاز فريق الوحدة على ضيفه الجيش بهدفين مقابل هدف في المباراة التي جمعتهما مساء الجمعة على ملعب الفيحاء.
""",
}
SCAFFOLD_CLAIM = "أصيب ثمانية عمال بانهيار سقالة في ورشة بناء بحي الميدان في دمشق"


def test_an_account_that_restates_the_event_agrees(tmp_path: Path) -> None:
    result = checked(tmp_path, SCAFFOLD, SCAFFOLD_CLAIM)
    read = stances(result)
    assert read["scaffold/agency.txt"] == "agree", read
    # the neighbours' account: quotes in dialect, then the fall and the eight injured as fact
    assert read["scaffold/radio.txt"] == "agree", read
    # two independent origins state the event
    assert result["verdict"]["label"] == "supported", result["verdict"]


THYROXINE = {
    "thyroxine/pharmacists.txt": """صيادلة في حمص: حبوب الثيروكسين مفقودة منذ أسابيع

حمص - صحيفة العروبة

تعاني صيدليات في مدينتي حمص وتلكلخ من نقص حاد في حبوب الثيروكسين لعلاج قصور الغدة الدرقية، بحسب ما رصدته «العروبة» في جولة على عشرين صيدلية.

وقال الصيدلاني مازن الأتاسي إن صيدليته لم تتسلم أي عبوة منذ مطلع الشهر، وإن المرضى يتنقلون بين الصيدليات بحثاً عن الدواء.
""",
    "thyroxine/syndicate.txt": """نقابة الصيادلة: نقص الثيروكسين يطال نصف صيدليات حمص

حمص - إذاعة الوادي

قال رئيس فرع نقابة الصيادلة في حمص لإذاعة الوادي إن مسحاً أجرته النقابة أظهر أن نصف صيدليات حمص وتلكلخ تعاني نقصاً في حبوب الثيروكسين، بعد تأخر شحنات المادة الأولية.

وأضاف أن النقابة رفعت كتاباً إلى الوزارة تطالب فيه بتوزيع عاجل للكميات المتوفرة في المستودعات.
""",
    "thyroxine/ministry.txt": """وزارة الصحة: مخزون الثيروكسين يكفي ستة أشهر

دمشق - الوكالة الرسمية

نفت وزارة الصحة وجود أي نقص في حبوب الثيروكسين في المراكز الصحية أو في السوق المحلية، مؤكدة أن مخزونها يكفي ستة أشهر على الأقل.

وقال الناطق باسم الوزارة في بيان إن ما يتم تداوله حول انقطاع حبوب الثيروكسين في محافظة حمص «غير صحيح ولا يستند إلى معلومات دقيقة»، داعياً المواطنين إلى استقاء المعلومات من مصادرها الرسمية.

ووصف الناطق الأنباء عن فقدان الدواء من الصيدليات بأنها «شائعات عارية عن الصحة».
""",
}
THYROXINE_CLAIM = "تعاني صيدليات في حمص وتلكلخ من نقص في حبوب الثيروكسين"


def test_a_denial_rawi_cannot_tie_to_the_claim_keeps_it_from_being_supported(tmp_path: Path) -> None:
    result = checked(tmp_path, THYROXINE, THYROXINE_CLAIM)
    read = stances(result)
    assert read["thyroxine/pharmacists.txt"] == "agree", read
    assert read["thyroxine/syndicate.txt"] == "agree", read
    # its denial speaks of stocks and the market, not of the two towns' pharmacies: not a denying
    # origin of its own
    assert read["thyroxine/ministry.txt"] != "disagree", read
    verdict = result["verdict"]
    assert verdict["label"] == "disputed", verdict
    # the explanation says why, in the claim's language
    assert "في thyroxine/ministry.txt ما يُقرأ نفياً له" in verdict["explanation"], verdict["explanation"]


def _reading(article: str, stance: str, doubted: bool = False) -> EvidenceStance:
    scores = {label: 0.05 for label in ("agree", "disagree", "discuss", "unrelated")}
    scores[stance] = 0.85
    return EvidenceStance(article, stance, scores, doubted=doubted)


def test_a_doubted_article_turns_support_into_a_dispute_not_a_refutation() -> None:
    reports = [_reading("a", "agree"), _reading("b", "agree")]
    assert decide(reports).label == "supported"
    doubted = decide([*reports, _reading("m", "discuss", doubted=True)], language="en")
    assert (doubted.label, doubted.rule) == ("disputed", "doubted")
    assert "the article(s) m read as a denial" in doubted.explanation, doubted.explanation
    # an unrelated article's doubt counts for nothing, and a doubt never refutes
    assert decide([*reports, _reading("u", "unrelated", doubted=True)]).label == "supported"
    assert decide([_reading("d", "disagree"), _reading("m", "discuss", doubted=True)]).label != "supported"
    # a negated claim is judged as its event (two origins agreeing with "no X happened" deny X): a
    # doubt is about a claim that asserts its event, and leaves a negated claim's verdict alone
    assert decide([*reports, _reading("m", "discuss", doubted=True)], negated=True).label == "supported"
