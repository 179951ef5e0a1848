"""A claim that a party denied something is agreed with by an article that reports the denial, even
where the denial's sentence goes on to say much else, and not by the same party's denial of another
thing (hand-written Arabic news, original text).

"ونفت المديرية «جملة وتفصيلاً» وجود نقص في لقاحات داء الكلب، وقالت إن مخزونها يكفي حتى نهاية
العام، وإن شحنة جديدة ..." is far from the claim as a whole sentence; what its denial names is close,
and is most of the claim's words. "ونفت المديرية وجود أي إصابة بداء الكلب بين سكان الحي" names the
party, "denial" and "rabies" too (the encoder puts it at 0.65 from the claim), but not the shortage.
"""

from __future__ import annotations

from pathlib import Path

from _newsroom import checked, stances

ARTICLES = {
    "rabies/statement.txt": """مديرية الصحة في اللاذقية تصدر بياناً حول مخزون اللقاحات

اللاذقية - المكتب الإعلامي لمديرية الصحة

أصدرت مديرية الصحة في محافظة اللاذقية بياناً رداً على ما نشرته صفحات محلية عن نفاد لقاحات داء الكلب من مراكزها.

ونفت المديرية «جملة وتفصيلاً» وجود نقص في لقاحات داء الكلب، وقالت إن مخزونها يكفي حتى نهاية العام، وإن شحنة جديدة من عشرة آلاف جرعة وصلت إلى مستودعاتها الأسبوع الماضي ووزعت على المراكز الصحية في المناطق الريفية.

ودعت المديرية المواطنين إلى مراجعة أقرب مركز صحي فور التعرض لعضة حيوان.
""",
    "rabies/agency.txt": """أطباء في اللاذقية يشكون نقص لقاحات داء الكلب والمديرية تنفي

اللاذقية - وكالة أنباء الساحل

قال أطباء في مستشفى جبلة الوطني لوكالة أنباء الساحل إن مرضى تعرضوا لعضات كلاب شاردة اضطروا إلى شراء لقاحات داء الكلب من السوق السوداء بعد نفادها من المراكز الصحية.

غير أن مديرية الصحة في اللاذقية نفت وجود نقص في لقاحات داء الكلب، مؤكدة أن المراكز تلقت كميات كافية.
""",
    "rabies/page.txt": """صفحة جبلة الآن: مراكز صحية بلا لقاحات لداء الكلب

جبلة الآن

تداول سكان في ريف جبلة شكاوى من نفاد لقاحات داء الكلب من المراكز الصحية، وقال أحدهم إنه انتظر ثلاثة أيام قبل أن يحصل على الجرعة الأولى لابنه بعد أن عضه كلب شارد.
""",
    "rabies/cases.txt": """مديرية الصحة تطمئن سكان جبلة بعد حادثة الكلب الشارد

جبلة - صحيفة الوحدة

قالت مديرية الصحة في اللاذقية إن الأطفال الثلاثة الذين عضهم كلب شارد في حي الفيض بجبلة تلقوا الجرعات اللازمة وحالتهم جيدة.

ونفت المديرية وجود أي إصابة بداء الكلب بين سكان الحي، وقالت إن فرق البلدية بدأت حملة لجمع الكلاب الشاردة من الأحياء السكنية وتلقيحها.
""",
    "sport/match.txt": """تشرين يفوز على حطين في ديربي اللاذقية

اللاذقية - الملاعب

فاز تشرين على جاره حطين بهدفين دون رد في ديربي اللاذقية الذي أقيم مساء الجمعة على ملعب الباسل ضمن الجولة السادسة من الدوري الممتاز.
""",
}

CLAIM = "نفت مديرية الصحة في اللاذقية وجود نقص في لقاحات داء الكلب"


def test_a_denial_reported_in_a_long_sentence_agrees_and_another_denial_does_not(tmp_path: Path) -> None:
    result = checked(tmp_path, ARTICLES, CLAIM)
    read = stances(result)
    # the directorate's statement: its only denial sentence goes on about stocks and a new shipment
    assert read["rabies/statement.txt"] == "agree", read
    # the agency's report carries the denial in a short clause
    assert read["rabies/agency.txt"] == "agree", read
    # the same directorate denying rabies cases in a district reports no denial of a shortage
    assert read["rabies/cases.txt"] != "agree", read
    # the residents' complaints only report the shortage
    assert read["rabies/page.txt"] == "discuss", read
    assert result["verdict"]["label"] == "supported", result["verdict"]
