"""A second hand-written corpus (original text): a rumour and its fact-check, and a look-alike event
in another language.

- Irbid schools: a rumour site claims the education ministry closed Irbid's schools for a week over a
  storm, a second site copies it; the state agency carries the ministry's denial; a fact-check
  platform rates the claim fabricated (its ruling line restates the claim at the end); a second
  fact-check of the same platform rates an old photo of a flooded classroom, another rumour of the
  same storm. An English report of schools closed by a storm in another country is the look-alike.
- A coach's contract ended: a sports site's scoop (with "ثلاثة أهداف دون رد", a 3-0 defeat, whose
  "دون" is on the negation list) and the agency's report of the club's announcement.
- A tannery accused of dumping chemical waste into the Zarqa river: the ministry's report (Arabic) and
  the company's statement rejecting it (English), whose lede is the denial.
- Irbid footbridge: a pedestrian bridge collapsed over the ring road, injuring five; an Arabic agency
  report, an independent Arabic report and an English report of the same event; and an English
  article about another collapse (a parking structure in another country), the kind of look-alike a
  cross-language reading confuses with it.
"""

from __future__ import annotations

from pathlib import Path

from _newsroom import write_articles

ARTICLES = {
    "schools/rumour.txt": """عاجل: وزارة التربية تقرر تعطيل مدارس إربد أسبوعاً كاملاً بسبب المنخفض

إربد نيوز

علمت «إربد نيوز» من مصدر في مديرية التربية أن وزارة التربية والتعليم قررت تعطيل جميع مدارس محافظة إربد لمدة أسبوع كامل اعتباراً من يوم الأحد بسبب المنخفض الجوي.

وأضاف المصدر أن القرار سيُعلن رسمياً خلال ساعات، وأن الدوام سيُستأنف بعد انحسار الأمطار.
""",
    "schools/copy.txt": """تعطيل مدارس إربد أسبوعاً بسبب المنخفض الجوي

قررت وزارة التربية والتعليم تعطيل جميع مدارس محافظة إربد لمدة أسبوع كامل اعتبارا من يوم الأحد بسبب المنخفض الجوي، بحسب ما نقل موقع إربد نيوز عن مصدر في مديرية التربية.
""",
    "schools/denial.txt": """التربية تنفي تعطيل مدارس إربد وتؤكد انتظام الدوام

عمّان-بترا

نفت وزارة التربية والتعليم صدور أي قرار بتعطيل مدارس محافظة إربد لمدة أسبوع، مؤكدة أن الدوام المدرسي منتظم في جميع المدارس.

وقال الناطق الإعلامي باسم الوزارة إن أي قرار بتعليق الدوام بسبب الأحوال الجوية يصدر عن الوزارة عبر قنواتها الرسمية فقط.
""",
    "schools/factcheck.md": """# مفبرك: لا قرار بتعطيل مدارس إربد أسبوعاً

**منصة دقّق لتدقيق المعلومات** | 12 كانون الثاني 2026

**الادعاء:** قررت وزارة التربية والتعليم تعطيل مدارس محافظة إربد لمدة أسبوع بسبب المنخفض الجوي.

انتشر الادعاء صباح السبت على صفحات محلية في فيسبوك، ونشره موقع «إربد نيوز» نقلاً عن مصدر لم يسمّه.

راجع فريق دقّق القنوات الرسمية للوزارة فلم يجد أي بلاغ بهذا الشأن، كما نفت الوزارة الخبر في بيان نقلته وكالة الأنباء الأردنية.

**الحكم:** مفبرك.

لم تقرر وزارة التربية تعطيل مدارس إربد أسبوعاً، والخبر المتداول لا أساس له من الصحة.
""",
    "schools/photo-check.md": """# مضلل: صورة صف غارق بالمياه ليست من إربد

**منصة دقّق لتدقيق المعلومات** | 13 كانون الثاني 2026

**الادعاء:** صورة تظهر صفاً دراسياً غمرته مياه الأمطار في إحدى مدارس إربد خلال المنخفض الحالي.

تداولت حسابات الصورة مع حديث عن تعطيل المدارس، وتبيّن بالبحث العكسي أنها منشورة منذ عام 2019 في بلد آخر.

**الحكم:** مضلل.

الصورة قديمة ولا علاقة لها بمدارس إربد.
""",
    "schools/cyprus.txt": """Storm shuts schools in Limassol for two days

LIMASSOL, Cyprus - Cyprus's education ministry closed all schools in the Limassol district for two days on Thursday as a storm brought flooding to the south of the island, officials said.

Civil defence crews pumped water from several basements, and the meteorological service warned of more heavy rain over the weekend.
""",
    "coach/site.txt": """خاص | الشعلة الإربدي يقرر الانفصال عن مدربه عماد الزعبي

إربد - ملاعب الشمال

علمت «ملاعب الشمال» من مصادر في إدارة نادي الشعلة الإربدي أن الإدارة قررت إنهاء ارتباطها بالمدرب عماد الزعبي، بعد الخسارة على أرض الفريق بثلاثة أهداف دون رد.

وأضافت المصادر أن المدرب المساعد سيقود الفريق مؤقتاً إلى حين التعاقد مع مدرب جديد.
""",
    "coach/agency.txt": """نادي الشعلة الإربدي يعلن إنهاء عقد المدرب عماد الزعبي

إربد-بترا

أعلن نادي الشعلة الإربدي إنهاء عقد مدربه عماد الزعبي بالتراضي، بعد سلسلة من النتائج السلبية في دوري المحترفين.

وشكرت إدارة النادي في بيان المدرب الزعبي على جهوده طيلة فترة عمله مع الفريق.
""",
    "river/agency.txt": """البيئة: مصنع دباغة صرف مخلفات كيميائية في نهر الزرقاء

الزرقاء-بترا

قالت وزارة البيئة إن مصنعاً للدباغة تابعاً لشركة الشرق للجلود صرف مخلفات كيميائية في نهر الزرقاء ليل الخميس، ما أدى إلى نفوق أعداد من الأسماك قرب سد الملك طلال.

وأضافت الوزارة أن فرقها أخذت عينات من مياه النهر، وأنها أغلقت المصنع إلى حين صدور نتائج التحاليل.
""",
    "river/statement.txt": """Statement on the Zarqa River allegations

Al Sharq Leather Company rejects the allegation that its tannery discharged chemical waste into the Zarqa River on Thursday night.

The company said its wastewater has been treated on site since 2023 and that monitoring records for the night in question show no discharge to the river.
""",
    "bridge/agency.txt": """انهيار جسر مشاة فوق الطريق الدائري في إربد وإصابة خمسة أشخاص

إربد-بترا

انهار جسر للمشاة فوق الطريق الدائري في مدينة إربد مساء الاثنين، ما أدى إلى إصابة خمسة أشخاص بجروح متوسطة نقلوا إلى مستشفى الأميرة بسمة.

وقال مدير الدفاع المدني في المحافظة إن فرق الإنقاذ أغلقت الطريق ورفعت الأنقاض، وإن لجنة هندسية ستحدد أسباب الانهيار.
""",
    "bridge/local.txt": """خمسة جرحى بسقوط جسر مشاة على الدائري في إربد

إربد - صحيفة الشمال

سقط جسر المشاة المقام فوق الطريق الدائري قرب دوار القبة في إربد مساء الاثنين، وأصيب خمسة من المارة وسائقي المركبات، بحسب شهود عيان تحدثوا لـ«الشمال».

وقال سكان إن الجسر كان يهتز منذ أشهر وإنهم طالبوا البلدية بصيانته أكثر من مرة.
""",
    "bridge/english.txt": """Pedestrian bridge collapses over Irbid ring road, five injured

IRBID, Jordan - A pedestrian bridge collapsed over the ring road in the northern Jordanian city of Irbid on Monday evening, injuring five people, the civil defence directorate said.

Rescue teams closed the road and cleared the debris, and an engineering committee will determine the cause of the collapse, the directorate said.
""",
    "bridge/lookalike.txt": """Two dead as multi-storey car park collapses in Valletta

VALLETTA - Two people were killed and four injured when part of a multi-storey car park collapsed in the Maltese capital on Tuesday, police said.

Firefighters searched the rubble through the night, and the government ordered an inquiry into the building's maintenance records.
""",
}


def write_rumours(root: Path) -> Path:
    return write_articles(root, ARTICLES)
