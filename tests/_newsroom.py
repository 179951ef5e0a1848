"""A small hand-written news corpus (original text) for end-to-end check tests.

Two stories plus distractors:
- a wheat-warehouse fire at Tartus port: a state-agency report, a copy of it with other letter forms,
  an independent local report; a same-place, different-event article (a fishing boat sinking off
  Tartus); an unrelated sports piece;
- cholera in Hodeidah: two independent reports citing doctors, the second closing with the health
  ministry's denial, and the ministry's own denial.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rawi.core import Rawi

ARTICLES = {
    "fire/agency.txt": """اندلاع حريق في مستودع للقمح في ميناء طرطوس

طرطوس-سانا

اندلع حريق صباح اليوم الأربعاء في أحد مستودعات القمح داخل ميناء طرطوس، وتمكنت فرق الدفاع المدني من السيطرة عليه بعد نحو ثلاث ساعات من العمل المتواصل.

وقال مدير الميناء سليمان عيسى إن الحريق نشب في المستودع رقم 7 الذي يضم نحو ألفي طن من القمح المستورد، مؤكداً عدم وقوع إصابات بين العاملين.

وأضاف أن لجنة فنية بدأت التحقيق في أسباب الحريق وتقدير حجم الأضرار التي لحقت بالمخزون.
""",
    "fire/copy.txt": """حريق في مستودع قمح بميناء طرطوس والدفاع المدني يسيطر عليه

اندلع حريق صباح اليوم الاربعاء في احد مستودعات القمح داخل ميناء طرطوس، وتمكنت فرق الدفاع المدني من السيطره عليه بعد نحو ثلاث ساعات من العمل المتواصل.

وقال مدير الميناء سليمان عيسى ان الحريق نشب في المستودع رقم 7 الذي يضم نحو الفي طن من القمح المستورد، مؤكدا عدم وقوع اصابات بين العاملين.

المصدر: سانا
""",
    "fire/local.txt": """حريق يلتهم مستودع حبوب في ميناء طرطوس ويوقف الحركة على الرصيف الشمالي

طرطوس - الساحل اليوم

شبّ حريق كبير صباح الأربعاء في مستودع للحبوب داخل ميناء طرطوس، وشاهد مراسل «الساحل اليوم» ألسنة اللهب والدخان الكثيف تتصاعد من المستودع قبل أن تطوّق سيارات الإطفاء الرصيف الشمالي.

وأتت النيران على جزء من أكياس القمح المخزنة قبل إخمادها قرابة الظهر، فيما توقفت حركة الشحن في الميناء عدة ساعات.
""",
    "fire/boat.txt": """غرق مركب صيد قبالة سواحل طرطوس وإنقاذ طاقمه

طرطوس - الساحل اليوم

غرق مركب صيد صغير مساء الثلاثاء قبالة شاطئ طرطوس بسبب سوء الأحوال الجوية، وتمكن خفر السواحل من إنقاذ صياديه الأربعة ونقلهم إلى المستشفى الوطني للاطمئنان على صحتهم.

وقال رئيس جمعية الصيادين إن ارتفاع الموج فاجأ المراكب الصغيرة، داعياً الصيادين إلى التزام النشرات الجوية.
""",
    "sport/derby.txt": """الوحدة يفوز على الجيش في ديربي العاصمة

دمشق - الملاعب

فاز فريق الوحدة على ضيفه الجيش بهدفين مقابل هدف في المباراة التي جمعتهما مساء الجمعة على ملعب الفيحاء ضمن الجولة العاشرة من الدوري الممتاز، ليعتلي الوحدة صدارة الترتيب مؤقتاً.
""",
    "cholera/doctors.txt": """تفشي الكوليرا في الحديدة: أكثر من أربعين إصابة خلال أسبوع

الحديدة - صوت تهامة

تفشّت الكوليرا في مدينة الحديدة خلال الأسبوع الماضي، إذ سجّل مستشفى الثورة العام أكثر من أربعين إصابة بينها حالات لأطفال، وأثبتت الفحوص المخبرية وجود بكتيريا الكوليرا في عينات المرضى.

وخصص المستشفى جناحاً لعزل المصابين بعد ازدياد أعداد الوافدين، بحسب ما أكده أطباء في قسم الطوارئ.
""",
    "cholera/relief.txt": """منظمة إغاثية تحذر من تفشي الكوليرا في الحديدة

الحديدة - اليمن الجديد

حذرت منظمة إغاثة محلية من تفشي الكوليرا في مدينة الحديدة بعد تسجيل عشرات الإصابات في مستشفياتها، وقالت في بيان إن شح المياه النظيفة يفاقم انتشار الوباء في الأحياء الفقيرة.

وأوضحت المنظمة أن فرقها وزعت أقراص تعقيم المياه على مئات الأسر في حي الحالي.

في حين نفت وزارة الصحة وجود أي تفشٍّ للكوليرا في الحديدة، وقالت إن الحالات المسجلة إسهال مائي حاد.
""",
    "cholera/ministry.txt": """وزارة الصحة تنفي تفشي الكوليرا في الحديدة

صنعاء - وكالة سبأ

نفت وزارة الصحة العامة والسكان وجود تفشٍّ لوباء الكوليرا في محافظة الحديدة، ووصفت الأنباء المتداولة عن عشرات الإصابات بأنها غير صحيحة.

وقال المتحدث باسم الوزارة إن الحالات التي استقبلتها المستشفيات حالات إسهال مائي حاد تمت معالجتها، وإن نتائج الفحوص لم تثبت وجود بكتيريا الكوليرا.
""",
}


def write_articles(root: Path, articles: dict[str, str]) -> Path:
    """Write ``articles`` (relative path -> text) under ``root`` as UTF-8 files."""
    for name, text in articles.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def write_newsroom(root: Path) -> Path:
    return write_articles(root, ARTICLES)


@contextmanager
def ingested(root: Path, write: Callable[[Path], Path]) -> Iterator[Rawi]:
    """A workbench over the articles ``write`` puts in ``root / "news"``, ingested into a real store."""
    write(root / "news")
    with Rawi(root / "news.db") as workbench:
        report = workbench.ingest([root / "news"])
        assert report.ok, report.to_json()
        yield workbench


def checked(root: Path, articles: dict[str, str], claim: str) -> dict:
    """What ``rawi check`` gives for ``claim`` over ``articles`` (relative path -> text), ingested
    into a real store under ``root``."""
    with ingested(root, lambda news: write_articles(news, articles)) as wb:
        return wb.check(claim)


def stances(result: dict) -> dict[str, str]:
    """Each evidence article's stance label, by article id."""
    return {e["article_id"]: e["stance"] for e in result["evidence"]}
