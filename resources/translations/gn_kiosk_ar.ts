<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CheckInScreen</name>
    <message>
        <source>I have an appointment</source>
        <translation>لديّ موعد</translation>
    </message>
    <message>
        <source>With my code</source>
        <translation>برمز الموعد</translation>
    </message>
    <message>
        <source>With my name</source>
        <translation>باسمي</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>رمز الموعد</translation>
    </message>
    <message>
        <source>6 digits, written on your invitation.</source>
        <translation>6 أرقام، مكتوبة في دعوتك.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>الاسم الشخصي</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Day/month/year, for example 14/02/2001.</source>
        <translation>اليوم/الشهر/السنة، مثلًا 14/02/2001.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>سجّل وصولي</translation>
    </message>
</context>
<context>
    <name>EnrolScreen</name>
    <message>
        <source>Back to the kiosk</source>
        <translation>العودة إلى الكشك</translation>
    </message>
    <message>
        <source>Enrol this kiosk</source>
        <translation>تسجيل هذا الكشك</translation>
    </message>
    <message>
        <source>Type head office&apos;s address and the kiosk enrolment code head office gave you. The kiosk then receives its campus&apos;s catalogue and today&apos;s appointments, and sends check-ins at once.</source>
        <translation>اكتب عنوان المقر ورمز تسجيل الكشك الذي أعطاك إياه المقر. يتلقى الكشك بعد ذلك كتالوج الحرم ومواعيد اليوم، ويرسل تسجيلات الوصول فورًا.</translation>
    </message>
    <message>
        <source>Head office address</source>
        <translation>عنوان المقر</translation>
    </message>
    <message>
        <source>For example https://siege.example.fr</source>
        <translation>مثلًا https://siege.example.fr</translation>
    </message>
    <message>
        <source>Kiosk enrolment code</source>
        <translation>رمز تسجيل الكشك</translation>
    </message>
    <message>
        <source>Four groups of four characters.</source>
        <translation>أربع مجموعات من أربعة أحرف.</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>No event is planned for now. Come back soon!</source>
        <translation>لا توجد فعاليات حاليًا. عد قريبًا!</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>هاكاثون</translation>
    </message>
    <message>
        <source>Innovation contest</source>
        <translation>مسابقة ابتكار</translation>
    </message>
    <message>
        <source>Information session</source>
        <translation>جلسة إعلامية</translation>
    </message>
    <message>
        <source>Place to be confirmed</source>
        <translation>المكان سيُحدَّد لاحقًا</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <source>Sign me up</source>
        <translation>سجّلني</translation>
    </message>
    <message>
        <source>Sign me up: %1</source>
        <translation>سجّلني: %1</translation>
    </message>
    <message>
        <source>Sign up for: %1</source>
        <translation>التسجيل في: %1</translation>
    </message>
    <message>
        <source>Thank you, your place is booked. We will contact you if anything changes.</source>
        <translation>شكرًا، تم حجز مكانك. سنتصل بك إذا تغيّر شيء.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الفعاليات</translation>
    </message>
    <message>
        <source>Information sessions and hackathons. They are free.</source>
        <translation>جلسات إعلامية وهاكاثونات. المشاركة مجانية.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>الاسم الشخصي</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Phone or e-mail: give at least one.</source>
        <translation>الهاتف أو البريد الإلكتروني: أعطِ واحدًا على الأقل.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>I agree that the campus keeps my name and contact until the event, to welcome me.</source>
        <translation>أوافق على أن يحتفظ المركز باسمي ووسيلة الاتصال بي حتى موعد الفعالية، لاستقبالي.</translation>
    </message>
    <message>
        <source>Book my place</source>
        <translation>احجز مكاني</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>ExitScreen</name>
    <message>
        <source>Staff only</source>
        <translation>للموظفين فقط</translation>
    </message>
    <message>
        <source>Type the campus manager&apos;s PIN to close the kiosk.</source>
        <translation>اكتب الرمز السري لمسؤول المركز لإغلاق الجهاز.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>إغلاق الجهاز</translation>
    </message>
    <message>
        <source>Enrol this kiosk with head office</source>
        <translation>تسجيل الكشك لدى المقر</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message>
        <source>Without an answer, everything you typed will be erased.</source>
        <translation>إذا لم تُجب، سيُمحى كل ما كتبته.</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>نعم، ما زلت هنا</translation>
    </message>
</context>
<context>
    <name>JobsScreen</name>
    <message>
        <source>Developers write the code of websites, apps and software. You build things step by step.</source>
        <translation>المطوّرون يكتبون شيفرة المواقع والتطبيقات والبرامج. تبني الأشياء خطوة بخطوة.</translation>
    </message>
    <message>
        <source>Data jobs collect and sort information, then turn it into tables and charts.</source>
        <translation>مهن البيانات تجمع المعلومات وترتّبها، ثم تحوّلها إلى جداول ورسوم.</translation>
    </message>
    <message>
        <source>Artificial intelligence jobs teach computers to recognise text, images or voices.</source>
        <translation>مهن الذكاء الاصطناعي تعلّم الحواسيب التعرّف على النصوص والصور والأصوات.</translation>
    </message>
    <message>
        <source>Cybersecurity jobs protect computers and data from attacks.</source>
        <translation>مهن الأمن السيبراني تحمي الحواسيب والبيانات من الهجمات.</translation>
    </message>
    <message>
        <source>Network and system technicians install and repair computers and networks.</source>
        <translation>تقنيو الشبكات والأنظمة يركّبون الحواسيب والشبكات ويصلحونها.</translation>
    </message>
    <message>
        <source>Video game jobs create games: code, images, sound and game design.</source>
        <translation>مهن ألعاب الفيديو تصنع الألعاب: الشيفرة والصور والصوت وقواعد اللعب.</translation>
    </message>
    <message>
        <source>Choose a job family to learn more.</source>
        <translation>اختر مجموعة مهن لتعرف المزيد.</translation>
    </message>
    <message>
        <source>No upcoming session for now. Ask at the front desk.</source>
        <translation>لا توجد دورات قادمة حاليًا. اسأل في الاستقبال.</translation>
    </message>
    <message>
        <source>Starts on %1. Lasts %2 weeks.</source>
        <translation>تبدأ في %1. المدة %2 أسبوعًا.</translation>
    </message>
    <message>
        <source>Place to be confirmed</source>
        <translation>المكان سيُحدَّد لاحقًا</translation>
    </message>
    <message>
        <source>%1, about %2 km from you</source>
        <translation>%1، على بعد %2 كم تقريبًا منك</translation>
    </message>
    <message>
        <source>Discover digital jobs</source>
        <translation>اكتشف المهن الرقمية</translation>
    </message>
    <message>
        <source>There are six families of digital jobs. Choose one to learn more.</source>
        <translation>هناك ست مجموعات من المهن الرقمية. اختر واحدة لتعرف المزيد.</translation>
    </message>
    <message>
        <source>Where do you live?</source>
        <translation>أين تسكن؟</translation>
    </message>
    <message>
        <source>Anywhere in Seine-Saint-Denis</source>
        <translation>في أي مكان في سين سان دوني</translation>
    </message>
    <message>
        <source>Another town</source>
        <translation>بلدية أخرى</translation>
    </message>
    <message>
        <source>Next training sessions near you</source>
        <translation>الدورات التدريبية القادمة قربك</translation>
    </message>
    <message>
        <source>Software development</source>
        <translation>تطوير البرمجيات</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <source>Artificial intelligence</source>
        <translation>الذكاء الاصطناعي</translation>
    </message>
    <message>
        <source>Cybersecurity</source>
        <translation>الأمن السيبراني</translation>
    </message>
    <message>
        <source>Networks and systems</source>
        <translation>الشبكات والأنظمة</translation>
    </message>
    <message>
        <source>Video games</source>
        <translation>ألعاب الفيديو</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Erase</source>
        <translation>مسح</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>Home</source>
        <translation>الرئيسية</translation>
    </message>
    <message>
        <source>Text size: %1 %</source>
        <translation>حجم النص: %1 %</translation>
    </message>
    <message>
        <source>Make the text bigger</source>
        <translation>تكبير النص</translation>
    </message>
</context>
<context>
    <name>KioskMessages</name>
    <message>
        <source>The appointment code has 6 digits.</source>
        <translation>رمز الموعد مكوّن من 6 أرقام.</translation>
    </message>
    <message>
        <source>First name: please fill it in.</source>
        <translation>الاسم الشخصي: يرجى كتابته.</translation>
    </message>
    <message>
        <source>Last name: please fill it in.</source>
        <translation>اسم العائلة: يرجى كتابته.</translation>
    </message>
    <message>
        <source>Birth date: type day/month/year, for example 14/02/2001.</source>
        <translation>تاريخ الميلاد: اكتب اليوم/الشهر/السنة، مثلًا 14/02/2001.</translation>
    </message>
    <message>
        <source>Phone: type 10 digits, like 06 12 34 56 78. Or give an e-mail.</source>
        <translation>الهاتف: اكتب 10 أرقام، مثل 06 12 34 56 78. أو أعطِ بريدًا إلكترونيًا.</translation>
    </message>
    <message>
        <source>E-mail: check it, it looks like name@example.fr.</source>
        <translation>البريد الإلكتروني: تحقّق منه، شكله مثل name@example.fr.</translation>
    </message>
    <message>
        <source>Town: choose it in the list.</source>
        <translation>البلدية: اخترها من القائمة.</translation>
    </message>
    <message>
        <source>Choose what brings you here.</source>
        <translation>اختر سبب مجيئك.</translation>
    </message>
    <message>
        <source>Tick “I agree” so that we can keep your details.</source>
        <translation>ضع علامة على «أوافق» لكي نحتفظ بمعلوماتك.</translation>
    </message>
    <message>
        <source>This event is no longer open for sign-up.</source>
        <translation>التسجيل في هذه الفعالية مغلق.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>يرجى التحقق من هذه الخانة.</translation>
    </message>
    <message>
        <source>We could not find your appointment for today. Check what you typed, or ask at the desk.</source>
        <translation>لم نجد موعدك لهذا اليوم. تحقّق مما كتبته، أو اسأل في الاستقبال.</translation>
    </message>
    <message>
        <source>You can try again in %1 seconds.</source>
        <translation>يمكنك المحاولة مجددًا بعد %1 ثانية.</translation>
    </message>
    <message>
        <source>Too many tries. Wait %1 seconds.</source>
        <translation>محاولات كثيرة. انتظر %1 ثانية.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the front desk.</source>
        <translation>حدث خطأ. يرجى السؤال في الاستقبال.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Le Grand Numérique — welcome kiosk</source>
        <extracomment>extra delay before a failed check-in can be retried (slows down guessing codes)</extracomment>
        <translation>Le Grand Numérique — جهاز الاستقبال</translation>
    </message>
    <message>
        <source>Some answers need a correction. They are marked with ⚠.</source>
        <translation>بعض الإجابات تحتاج إلى تصحيح. عليها العلامة ⚠.</translation>
    </message>
    <message>
        <source>Wrong PIN. Wait %1 seconds before trying again.</source>
        <translation>الرمز السري خاطئ. انتظر %1 ثانية قبل المحاولة مجددًا.</translation>
    </message>
    <message>
        <source>Head office address: type it, it starts with https://.</source>
        <translation>عنوان المقر: اكتبه، يبدأ بـ https://.</translation>
    </message>
    <message>
        <source>Kiosk enrolment code: type it as head office gave it.</source>
        <translation>رمز التسجيل: اكتبه كما أعطاه المقر.</translation>
    </message>
    <message>
        <source>This kiosk cannot be enrolled from here.</source>
        <translation>لا يمكن تسجيل هذا الكشك من هنا.</translation>
    </message>
    <message>
        <source>Contacting head office…</source>
        <translation>جارٍ الاتصال بالمقر…</translation>
    </message>
    <message>
        <source>This kiosk is enrolled. It receives its campus&apos;s catalogue and today&apos;s appointments.</source>
        <translation>تم تسجيل الكشك. يتلقى كتالوج الحرم ومواعيد اليوم.</translation>
    </message>
</context>
<context>
    <name>NewVisitorScreen</name>
    <message>
        <source>I am new here</source>
        <translation>أنا هنا لأول مرة</translation>
    </message>
    <message>
        <source>Tell us who you are. An advisor will see you soon.</source>
        <translation>أخبرنا من أنت. سيستقبلك مستشار قريبًا.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>الاسم الشخصي</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Day/month/year, for example 14/02/2001.</source>
        <translation>اليوم/الشهر/السنة، مثلًا 14/02/2001.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Phone or e-mail: give at least one.</source>
        <translation>الهاتف أو البريد الإلكتروني: أعطِ واحدًا على الأقل.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Where do you live?</source>
        <translation>أين تسكن؟</translation>
    </message>
    <message>
        <source>Choose your town</source>
        <translation>اختر بلديتك</translation>
    </message>
    <message>
        <source>Another town</source>
        <translation>بلدية أخرى</translation>
    </message>
    <message>
        <source>Name of your town</source>
        <translation>اسم بلديتك</translation>
    </message>
    <message>
        <source>What brings you here?</source>
        <translation>ما سبب مجيئك؟</translation>
    </message>
    <message>
        <source>Find a training course</source>
        <translation>إيجاد دورة تدريبية</translation>
    </message>
    <message>
        <source>Find a job</source>
        <translation>إيجاد عمل</translation>
    </message>
    <message>
        <source>Start a business</source>
        <translation>إنشاء مشروع</translation>
    </message>
    <message>
        <source>Get information</source>
        <translation>الحصول على معلومات</translation>
    </message>
    <message>
        <source>Do you need help to be welcomed? (optional)</source>
        <translation>هل تحتاج إلى مساعدة عند الاستقبال؟ (اختياري)</translation>
    </message>
    <message>
        <source>For example: wheelchair, hearing, reading, an interpreter.</source>
        <translation>مثلًا: كرسي متحرك، السمع، القراءة، مترجم.</translation>
    </message>
    <message>
        <source>We keep these details to help you find a training or a job. Only the campus team sees them. We delete them 2 years after your last visit. You can ask to see, change or delete them.</source>
        <translation>نحتفظ بهذه المعلومات لمساعدتك في إيجاد تدريب أو عمل. فريق المركز وحده يراها. نمحوها بعد سنتين من آخر زيارة لك. يمكنك أن تطلب رؤيتها أو تغييرها أو محوها.</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>أوافق</translation>
    </message>
    <message>
        <source>Send and get my ticket</source>
        <translation>أرسل واحصل على تذكرتي</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Capital letter</source>
        <translation>حرف كبير</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>مسافة</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>مسح</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Welcome, %1</source>
        <translation>مرحبًا، %1</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>شكرًا</translation>
    </message>
    <message>
        <source>Your ticket number:</source>
        <translation>رقم تذكرتك:</translation>
    </message>
    <message>
        <source>Please take a seat. Your advisor knows you are here.</source>
        <translation>تفضّل بالجلوس. مستشارك يعلم أنك هنا.</translation>
    </message>
    <message>
        <source>Please take a seat. An advisor will call your number.</source>
        <translation>تفضّل بالجلوس. سينادي مستشار رقمك.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>إنهاء</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to the campus</source>
        <translation>مرحبًا بكم في المركز</translation>
    </message>
    <message>
        <source>I have an appointment</source>
        <translation>لديّ موعد</translation>
    </message>
    <message>
        <source>I am new here</source>
        <translation>أنا هنا لأول مرة</translation>
    </message>
    <message>
        <source>Discover digital jobs</source>
        <translation>اكتشف المهن الرقمية</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الفعاليات</translation>
    </message>
    <message>
        <source>Need help? Ask at the front desk.</source>
        <translation>تحتاج إلى مساعدة؟ اسأل في الاستقبال.</translation>
    </message>
</context>
</TS>
