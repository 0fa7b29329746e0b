// The common outpatient codes every workstation starts with, from ICD-10-CM (FY2025 tabular list).
// One code a line, with its dot, then its title. A code that another code of the list starts
// with is a header (a category with codes below it); the others are billable, as in the list.
// Changing the list means raising STARTER_VERSION, so workstations holding the older starter list
// load the new one (a code set an administrator imported is never replaced by it).

export const STARTER_EDITION = 'ICD-10-CM';
export const STARTER_RELEASE = '2025';
export const STARTER_VERSION = 'starter-1';

export const starterCodeLines = `
A01.0 Typhoid fever
A01.00 Typhoid fever, unspecified
A04.71 Enterocolitis due to Clostridium difficile, recurrent
A04.72 Enterocolitis due to Clostridium difficile, not specified as recurrent
A06.0 Acute amebic dysentery
A07.1 Giardiasis [lambliasis]
A08.4 Viral intestinal infection, unspecified
A09 Infectious gastroenteritis and colitis, unspecified
A15.0 Tuberculosis of lung
A37.90 Whooping cough, unspecified species without pneumonia
A38.9 Scarlet fever, uncomplicated
A46 Erysipelas
A49.9 Bacterial infection, unspecified
A53.9 Syphilis, unspecified
A54.00 Gonococcal infection of lower genitourinary tract, unspecified
A56.00 Chlamydial infection of lower genitourinary tract, unspecified
A59.01 Trichomonal vulvovaginitis
A60.04 Herpesviral vulvovaginitis
A63.0 Anogenital (venereal) warts
A69.20 Lyme disease, unspecified
A90 Dengue fever [classical dengue]
A91 Dengue hemorrhagic fever
B00.1 Herpesviral vesicular dermatitis
B00.9 Herpesviral infection, unspecified
B01.9 Varicella without complication
B02.9 Zoster without complications
B05.9 Measles without complication
B06.9 Rubella without complication
B07.0 Plantar wart
B07.8 Other viral warts
B07.9 Viral wart, unspecified
B08.1 Molluscum contagiosum
B08.4 Enteroviral vesicular stomatitis with exanthem
B09 Unspecified viral infection characterized by skin and mucous membrane lesions
B15.9 Hepatitis A without hepatic coma
B16.9 Acute hepatitis B without delta-agent and without hepatic coma
B17.10 Acute hepatitis C without hepatic coma
B18.1 Chronic viral hepatitis B without delta-agent
B18.2 Chronic viral hepatitis C
B20 Human immunodeficiency virus [HIV] disease
B26.9 Mumps without complication
B27.90 Infectious mononucleosis, unspecified without complication
B34.9 Viral infection, unspecified
B35.0 Tinea barbae and tinea capitis
B35.1 Tinea unguium
B35.3 Tinea pedis
B35.4 Tinea corporis
B35.6 Tinea cruris
B36.0 Pityriasis versicolor
B37.0 Candidal stomatitis
B37.2 Candidiasis of skin and nail
B37.31 Acute candidiasis of vulva and vagina
B50.9 Plasmodium falciparum malaria, unspecified
B54 Unspecified malaria
B65.9 Schistosomiasis, unspecified
B77.9 Ascariasis, unspecified
B80 Enterobiasis
B82.9 Intestinal parasitism, unspecified
B85.0 Pediculosis due to Pediculus humanus capitis
B86 Scabies
B96.20 Unspecified Escherichia coli [E. coli] as the cause of diseases classified elsewhere
B97.89 Other viral agents as the cause of diseases classified elsewhere
C18.9 Malignant neoplasm of colon, unspecified
C34.90 Malignant neoplasm of unspecified part of unspecified bronchus or lung
C50.911 Malignant neoplasm of unspecified site of right female breast
C61 Malignant neoplasm of prostate
D17.9 Benign lipomatous neoplasm, unspecified
D22.9 Melanocytic nevi, unspecified
D23.9 Other benign neoplasm of skin, unspecified
D25.9 Leiomyoma of uterus, unspecified
D50.0 Iron deficiency anemia secondary to blood loss (chronic)
D50.9 Iron deficiency anemia, unspecified
D51.0 Vitamin B12 deficiency anemia due to intrinsic factor deficiency
D51.9 Vitamin B12 deficiency anemia, unspecified
D52.9 Folate deficiency anemia, unspecified
D56.3 Thalassemia minor
D57.1 Sickle-cell disease without crisis
D64.9 Anemia, unspecified
D69.6 Thrombocytopenia, unspecified
D72.829 Elevated white blood cell count, unspecified
E03.9 Hypothyroidism, unspecified
E04.1 Nontoxic single thyroid nodule
E04.2 Nontoxic multinodular goiter
E05.90 Thyrotoxicosis, unspecified without thyrotoxic crisis or storm
E06.3 Autoimmune thyroiditis
E10.65 Type 1 diabetes mellitus with hyperglycemia
E10.9 Type 1 diabetes mellitus without complications
E11 Type 2 diabetes mellitus
E11.21 Type 2 diabetes mellitus with diabetic nephropathy
E11.22 Type 2 diabetes mellitus with diabetic chronic kidney disease
E11.319 Type 2 diabetes mellitus with unspecified diabetic retinopathy without macular edema
E11.40 Type 2 diabetes mellitus with diabetic neuropathy, unspecified
E11.42 Type 2 diabetes mellitus with diabetic polyneuropathy
E11.51 Type 2 diabetes mellitus with diabetic peripheral angiopathy without gangrene
E11.621 Type 2 diabetes mellitus with foot ulcer
E11.649 Type 2 diabetes mellitus with hypoglycemia without coma
E11.65 Type 2 diabetes mellitus with hyperglycemia
E11.69 Type 2 diabetes mellitus with other specified complication
E11.8 Type 2 diabetes mellitus with unspecified complications
E11.9 Type 2 diabetes mellitus without complications
E13.9 Other specified diabetes mellitus without complications
E16.2 Hypoglycemia, unspecified
E28.2 Polycystic ovarian syndrome
E44.0 Moderate protein-calorie malnutrition
E46 Unspecified protein-calorie malnutrition
E53.8 Deficiency of other specified B group vitamins
E55.9 Vitamin D deficiency, unspecified
E61.1 Iron deficiency
E66.01 Morbid (severe) obesity due to excess calories
E66.3 Overweight
E66.9 Obesity, unspecified
E78.00 Pure hypercholesterolemia, unspecified
E78.1 Pure hyperglyceridemia
E78.2 Mixed hyperlipidemia
E78.5 Hyperlipidemia, unspecified
E79.0 Hyperuricemia without signs of inflammatory arthritis and tophaceous disease
E83.42 Hypomagnesemia
E86.0 Dehydration
E87.1 Hypo-osmolality and hyponatremia
E87.6 Hypokalemia
E88.81 Metabolic syndrome
F03.90 Unspecified dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety
F10.10 Alcohol abuse, uncomplicated
F10.20 Alcohol dependence, uncomplicated
F11.20 Opioid dependence, uncomplicated
F12.10 Cannabis abuse, uncomplicated
F17.200 Nicotine dependence, unspecified, uncomplicated
F17.210 Nicotine dependence, cigarettes, uncomplicated
F20.9 Schizophrenia, unspecified
F31.9 Bipolar disorder, unspecified
F32 Major depressive disorder, single episode
F32.0 Major depressive disorder, single episode, mild
F32.1 Major depressive disorder, single episode, moderate
F32.9 Major depressive disorder, single episode, unspecified
F32.A Depression, unspecified
F33.9 Major depressive disorder, recurrent, unspecified
F34.1 Dysthymic disorder
F40.10 Social phobia, unspecified
F41 Other anxiety disorders
F41.0 Panic disorder [episodic paroxysmal anxiety]
F41.1 Generalized anxiety disorder
F41.9 Anxiety disorder, unspecified
F42.9 Obsessive-compulsive disorder, unspecified
F43.10 Post-traumatic stress disorder, unspecified
F43.20 Adjustment disorder, unspecified
F43.21 Adjustment disorder with depressed mood
F43.22 Adjustment disorder with anxiety
F45.1 Undifferentiated somatoform disorder
F50.00 Anorexia nervosa, unspecified
F51.01 Primary insomnia
F52.21 Male erectile disorder
F80.9 Developmental disorder of speech and language, unspecified
F84.0 Autistic disorder
F90.0 Attention-deficit hyperactivity disorder, predominantly inattentive type
F90.2 Attention-deficit hyperactivity disorder, combined type
F90.9 Attention-deficit hyperactivity disorder, unspecified type
F98.0 Enuresis not due to a substance or known physiological condition
G20.A1 Parkinson's disease without dyskinesia, without mention of fluctuations
G25.81 Restless legs syndrome
G30.9 Alzheimer's disease, unspecified
G35 Multiple sclerosis
G40.909 Epilepsy, unspecified, not intractable, without status epilepticus
G43.009 Migraine without aura, not intractable, without status migrainosus
G43.109 Migraine with aura, not intractable, without status migrainosus
G43.909 Migraine, unspecified, not intractable, without status migrainosus
G44.1 Vascular headache, not elsewhere classified
G44.209 Tension-type headache, unspecified, not intractable
G47.00 Insomnia, unspecified
G47.33 Obstructive sleep apnea (adult) (pediatric)
G51.0 Bell's palsy
G56.0 Carpal tunnel syndrome
G56.00 Carpal tunnel syndrome, unspecified upper limb
G56.01 Carpal tunnel syndrome, right upper limb
G56.02 Carpal tunnel syndrome, left upper limb
G57.10 Meralgia paresthetica, unspecified lower limb
G62.9 Polyneuropathy, unspecified
G89.29 Other chronic pain
H00.011 Hordeolum externum right upper eyelid
H00.014 Hordeolum externum left upper eyelid
H01.009 Unspecified blepharitis unspecified eye, unspecified eyelid
H04.123 Dry eye syndrome of bilateral lacrimal glands
H10.13 Acute atopic conjunctivitis, bilateral
H10.33 Unspecified acute conjunctivitis, bilateral
H10.45 Other chronic allergic conjunctivitis
H10.9 Unspecified conjunctivitis
H25.9 Unspecified age-related cataract
H40.9 Unspecified glaucoma
H52.13 Myopia, bilateral
H52.4 Presbyopia
H57.10 Ocular pain, unspecified eye
H60.391 Other infective otitis externa, right ear
H60.90 Unspecified otitis externa, unspecified ear
H61.2 Impacted cerumen
H61.20 Impacted cerumen, unspecified ear
H61.21 Impacted cerumen, right ear
H61.22 Impacted cerumen, left ear
H61.23 Impacted cerumen, bilateral
H65.90 Unspecified nonsuppurative otitis media, unspecified ear
H66.001 Acute suppurative otitis media without spontaneous rupture of ear drum, right ear
H66.9 Otitis media, unspecified
H66.90 Otitis media, unspecified, unspecified ear
H66.91 Otitis media, unspecified, right ear
H66.92 Otitis media, unspecified, left ear
H66.93 Otitis media, unspecified, bilateral
H81.10 Benign paroxysmal vertigo, unspecified ear
H81.399 Other peripheral vertigo, unspecified ear
H91.90 Unspecified hearing loss, unspecified ear
H92.09 Otalgia, unspecified ear
H93.19 Tinnitus, unspecified ear
I10 Essential (primary) hypertension
I11.9 Hypertensive heart disease without heart failure
I12.9 Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease
I15.9 Secondary hypertension, unspecified
I20.9 Angina pectoris, unspecified
I21.9 Acute myocardial infarction, unspecified
I25.10 Atherosclerotic heart disease of native coronary artery without angina pectoris
I25.2 Old myocardial infarction
I26.99 Other pulmonary embolism without acute cor pulmonale
I48 Atrial fibrillation and flutter
I48.0 Paroxysmal atrial fibrillation
I48.91 Unspecified atrial fibrillation
I49.9 Cardiac arrhythmia, unspecified
I50.9 Heart failure, unspecified
I63.9 Cerebral infarction, unspecified
I69.30 Unspecified sequelae of cerebral infarction
I73.9 Peripheral vascular disease, unspecified
I80.10 Phlebitis and thrombophlebitis of unspecified femoral vein
I82.409 Acute embolism and thrombosis of unspecified deep veins of unspecified lower extremity
I83.90 Asymptomatic varicose veins of unspecified lower extremity
I87.2 Venous insufficiency (chronic) (peripheral)
I95.1 Orthostatic hypotension
I95.9 Hypotension, unspecified
J00 Acute nasopharyngitis [common cold]
J01.00 Acute maxillary sinusitis, unspecified
J01.90 Acute sinusitis, unspecified
J02 Acute pharyngitis
J02.0 Streptococcal pharyngitis
J02.9 Acute pharyngitis, unspecified
J03.00 Acute streptococcal tonsillitis, unspecified
J03.90 Acute tonsillitis, unspecified
J04.0 Acute laryngitis
J05.0 Acute obstructive laryngitis [croup]
J06 Acute upper respiratory infections of multiple and unspecified sites
J06.0 Acute laryngopharyngitis
J06.9 Acute upper respiratory infection, unspecified
J09.X2 Influenza due to identified novel influenza A virus with other respiratory manifestations
J10.1 Influenza due to other identified influenza virus with other respiratory manifestations
J11.00 Influenza due to unidentified influenza virus with unspecified type of pneumonia
J11.1 Influenza due to unidentified influenza virus with other respiratory manifestations
J12.82 Pneumonia due to coronavirus disease 2019
J12.9 Viral pneumonia, unspecified
J13 Pneumonia due to Streptococcus pneumoniae
J15.9 Unspecified bacterial pneumonia
J18.1 Lobar pneumonia, unspecified organism
J18.9 Pneumonia, unspecified organism
J20.9 Acute bronchitis, unspecified
J21.9 Acute bronchiolitis, unspecified
J30.1 Allergic rhinitis due to pollen
J30.2 Other seasonal allergic rhinitis
J30.9 Allergic rhinitis, unspecified
J31.0 Chronic rhinitis
J32.9 Chronic sinusitis, unspecified
J33.9 Nasal polyp, unspecified
J34.2 Deviated nasal septum
J35.01 Chronic tonsillitis
J35.3 Hypertrophy of tonsils with hypertrophy of adenoids
J40 Bronchitis, not specified as acute or chronic
J42 Unspecified chronic bronchitis
J43.9 Emphysema, unspecified
J44.0 Chronic obstructive pulmonary disease with (acute) lower respiratory infection
J44.1 Chronic obstructive pulmonary disease with (acute) exacerbation
J44.9 Chronic obstructive pulmonary disease, unspecified
J45 Asthma
J45.20 Mild intermittent asthma, uncomplicated
J45.21 Mild intermittent asthma with (acute) exacerbation
J45.30 Mild persistent asthma, uncomplicated
J45.40 Moderate persistent asthma, uncomplicated
J45.41 Moderate persistent asthma with (acute) exacerbation
J45.50 Severe persistent asthma, uncomplicated
J45.901 Unspecified asthma with (acute) exacerbation
J45.909 Unspecified asthma, uncomplicated
J45.990 Exercise induced bronchospasm
J47.9 Bronchiectasis, uncomplicated
J90 Pleural effusion, not elsewhere classified
J98.01 Acute bronchospasm
K02.9 Dental caries, unspecified
K04.7 Periapical abscess without sinus
K05.10 Chronic gingivitis, plaque induced
K08.89 Other specified disorders of teeth and supporting structures
K12.0 Recurrent oral aphthae
K14.0 Glossitis
K20.90 Esophagitis, unspecified without bleeding
K21.00 Gastro-esophageal reflux disease with esophagitis, without bleeding
K21.9 Gastro-esophageal reflux disease without esophagitis
K25.9 Gastric ulcer, unspecified as acute or chronic, without hemorrhage or perforation
K26.9 Duodenal ulcer, unspecified as acute or chronic, without hemorrhage or perforation
K29.00 Acute gastritis without bleeding
K29.70 Gastritis, unspecified, without bleeding
K30 Functional dyspepsia
K35.80 Unspecified acute appendicitis
K40.90 Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent
K42.9 Umbilical hernia without obstruction or gangrene
K44.9 Diaphragmatic hernia without obstruction or gangrene
K50.90 Crohn's disease, unspecified, without complications
K51.90 Ulcerative colitis, unspecified, without complications
K52.9 Noninfective gastroenteritis and colitis, unspecified
K57.30 Diverticulosis of large intestine without perforation or abscess without bleeding
K58 Irritable bowel syndrome
K58.0 Irritable bowel syndrome with diarrhea
K58.1 Irritable bowel syndrome with constipation
K58.9 Irritable bowel syndrome without diarrhea
K59.00 Constipation, unspecified
K59.09 Other constipation
K60.2 Anal fissure, unspecified
K61.0 Anal abscess
K62.5 Hemorrhage of anus and rectum
K64.8 Other hemorrhoids
K64.9 Unspecified hemorrhoids
K70.30 Alcoholic cirrhosis of liver without ascites
K74.60 Unspecified cirrhosis of liver
K76.0 Fatty (change of) liver, not elsewhere classified
K80.20 Calculus of gallbladder without cholecystitis without obstruction
K81.9 Cholecystitis, unspecified
K85.90 Acute pancreatitis without necrosis or infection, unspecified
K90.0 Celiac disease
K92.1 Melena
K92.2 Gastrointestinal hemorrhage, unspecified
L01.00 Impetigo, unspecified
L02.415 Cutaneous abscess of right lower limb
L02.91 Cutaneous abscess, unspecified
L03.115 Cellulitis of right lower limb
L03.116 Cellulitis of left lower limb
L03.90 Cellulitis, unspecified
L05.91 Pilonidal cyst without abscess
L08.9 Local infection of the skin and subcutaneous tissue, unspecified
L20.9 Atopic dermatitis, unspecified
L21.9 Seborrheic dermatitis, unspecified
L22 Diaper dermatitis
L23.9 Allergic contact dermatitis, unspecified cause
L24.9 Irritant contact dermatitis, unspecified cause
L25.9 Unspecified contact dermatitis, unspecified cause
L27.0 Generalized skin eruption due to drugs and medicaments taken internally
L29.9 Pruritus, unspecified
L30.9 Dermatitis, unspecified
L40.0 Psoriasis vulgaris
L40.9 Psoriasis, unspecified
L50 Urticaria
L50.0 Allergic urticaria
L50.9 Urticaria, unspecified
L57.0 Actinic keratosis
L60.0 Ingrowing nail
L63.9 Alopecia areata, unspecified
L65.9 Nonscarring hair loss, unspecified
L70 Acne
L70.0 Acne vulgaris
L70.9 Acne, unspecified
L71.9 Rosacea, unspecified
L72.0 Epidermal cyst
L72.3 Sebaceous cyst
L73.2 Hidradenitis suppurativa
L80 Vitiligo
L82.1 Other seborrheic keratosis
L84 Corns and callosities
L89.90 Pressure ulcer of unspecified site, unspecified stage
L97.919 Non-pressure chronic ulcer of unspecified part of right lower leg with unspecified severity
L98.9 Disorder of the skin and subcutaneous tissue, unspecified
M06.9 Rheumatoid arthritis, unspecified
M10.071 Idiopathic gout, right ankle and foot
M10.9 Gout, unspecified
M13.0 Polyarthritis, unspecified
M15.9 Polyosteoarthritis, unspecified
M16.9 Osteoarthritis of hip, unspecified
M17.0 Bilateral primary osteoarthritis of knee
M17.1 Unilateral primary osteoarthritis of knee
M17.11 Unilateral primary osteoarthritis, right knee
M17.12 Unilateral primary osteoarthritis, left knee
M17.9 Osteoarthritis of knee, unspecified
M19.041 Primary osteoarthritis, right hand
M19.90 Unspecified osteoarthritis, unspecified site
M25.5 Pain in joint
M25.50 Pain in unspecified joint
M25.511 Pain in right shoulder
M25.512 Pain in left shoulder
M25.551 Pain in right hip
M25.561 Pain in right knee
M25.562 Pain in left knee
M25.571 Pain in right ankle and joints of right foot
M32.9 Systemic lupus erythematosus, unspecified
M35.3 Polymyalgia rheumatica
M41.9 Scoliosis, unspecified
M43.6 Torticollis
M47.812 Spondylosis without myelopathy or radiculopathy, cervical region
M47.816 Spondylosis without myelopathy or radiculopathy, lumbar region
M48.061 Spinal stenosis, lumbar region without neurogenic claudication
M50.20 Other cervical disc displacement, unspecified cervical region
M51.16 Intervertebral disc disorders with radiculopathy, lumbar region
M51.26 Other intervertebral disc displacement, lumbar region
M53.3 Sacrococcygeal disorders, not elsewhere classified
M54.16 Radiculopathy, lumbar region
M54.2 Cervicalgia
M54.3 Sciatica
M54.30 Sciatica, unspecified side
M54.31 Sciatica, right side
M54.32 Sciatica, left side
M54.5 Low back pain
M54.50 Low back pain, unspecified
M54.59 Other low back pain
M54.6 Pain in thoracic spine
M54.9 Dorsalgia, unspecified
M62.830 Muscle spasm of back
M65.30 Trigger finger, unspecified finger
M65.4 Radial styloid tenosynovitis [de Quervain]
M67.40 Ganglion, unspecified site
M70.20 Olecranon bursitis, unspecified elbow
M72.2 Plantar fascial fibromatosis
M75.00 Adhesive capsulitis of unspecified shoulder
M75.100 Unspecified rotator cuff tear or rupture of unspecified shoulder, not specified as traumatic
M75.50 Bursitis of unspecified shoulder
M76.60 Achilles tendinitis, unspecified leg
M77.00 Medial epicondylitis, unspecified elbow
M77.10 Lateral epicondylitis, unspecified elbow
M77.11 Lateral epicondylitis, right elbow
M79.10 Myalgia, unspecified site
M79.601 Pain in right arm
M79.604 Pain in right leg
M79.605 Pain in left leg
M79.671 Pain in right foot
M79.7 Fibromyalgia
M81.0 Age-related osteoporosis without current pathological fracture
M85.80 Other specified disorders of bone density and structure, unspecified site
M94.0 Chondrocostal junction syndrome [Tietze]
N10 Acute pyelonephritis
N13.30 Unspecified hydronephrosis
N18.30 Chronic kidney disease, stage 3 unspecified
N18.4 Chronic kidney disease, stage 4 (severe)
N18.6 End stage renal disease
N18.9 Chronic kidney disease, unspecified
N20.0 Calculus of kidney
N20.1 Calculus of ureter
N23 Unspecified renal colic
N28.1 Cyst of kidney, acquired
N30.0 Acute cystitis
N30.00 Acute cystitis without hematuria
N30.01 Acute cystitis with hematuria
N30.90 Cystitis, unspecified without hematuria
N34.1 Nonspecific urethritis
N39.0 Urinary tract infection, site not specified
N39.3 Stress incontinence (female) (male)
N39.41 Urge incontinence
N40.0 Benign prostatic hyperplasia without lower urinary tract symptoms
N40.1 Benign prostatic hyperplasia with lower urinary tract symptoms
N41.0 Acute prostatitis
N43.3 Hydrocele, unspecified
N45.1 Epididymitis
N46.9 Male infertility, unspecified
N52.9 Male erectile dysfunction, unspecified
N60.19 Diffuse cystic mastopathy of unspecified breast
N63.0 Unspecified lump in unspecified breast
N64.4 Mastodynia
N70.93 Salpingitis and oophoritis, unspecified
N73.9 Female pelvic inflammatory disease, unspecified
N76.0 Acute vaginitis
N76.1 Subacute and chronic vaginitis
N80.9 Endometriosis, unspecified
N83.209 Unspecified ovarian cyst, unspecified side
N89.8 Other specified noninflammatory disorders of vagina
N91.2 Amenorrhea, unspecified
N92.0 Excessive and frequent menstruation with regular cycle
N92.6 Irregular menstruation, unspecified
N94.6 Dysmenorrhea, unspecified
N95.0 Postmenopausal bleeding
N95.1 Menopausal and female climacteric states
N97.9 Female infertility, unspecified
O00.90 Unspecified ectopic pregnancy without intrauterine pregnancy
O03.9 Complete or unspecified spontaneous abortion without complication
O09.90 Supervision of high risk pregnancy, unspecified, unspecified trimester
O09.91 Supervision of high risk pregnancy, unspecified, first trimester
O10.919 Unspecified pre-existing hypertension complicating pregnancy, unspecified trimester
O13.9 Gestational [pregnancy-induced] hypertension without significant proteinuria, unspecified trimester
O14.90 Unspecified pre-eclampsia, unspecified trimester
O20.0 Threatened abortion
O20.9 Hemorrhage in early pregnancy, unspecified
O21.0 Mild hyperemesis gravidarum
O21.9 Vomiting of pregnancy, unspecified
O23.40 Unspecified infection of urinary tract in pregnancy, unspecified trimester
O24.41 Gestational diabetes mellitus in pregnancy
O24.410 Gestational diabetes mellitus in pregnancy, diet controlled
O24.414 Gestational diabetes mellitus in pregnancy, insulin controlled
O24.419 Gestational diabetes mellitus in pregnancy, unspecified control
O26.891 Other specified pregnancy related conditions, first trimester
O26.899 Other specified pregnancy related conditions, unspecified trimester
O34.219 Maternal care for unspecified type scar from previous cesarean delivery
O36.80X0 Pregnancy with inconclusive fetal viability, not applicable or unspecified
O47.9 False labor, unspecified
O48.0 Post-term pregnancy
O80 Encounter for full-term uncomplicated delivery
O91.23 Nonpurulent mastitis associated with lactation
O92.70 Unspecified disorders of lactation
O99.011 Anemia complicating pregnancy, first trimester
O99.019 Anemia complicating pregnancy, unspecified trimester
R00.0 Tachycardia, unspecified
R00.2 Palpitations
R03.0 Elevated blood-pressure reading, without diagnosis of hypertension
R04.0 Epistaxis
R05 Cough
R05.1 Acute cough
R05.2 Subacute cough
R05.3 Chronic cough
R05.9 Cough, unspecified
R06.00 Dyspnea, unspecified
R06.02 Shortness of breath
R06.2 Wheezing
R07.0 Pain in throat
R07.89 Other chest pain
R07.9 Chest pain, unspecified
R09.81 Nasal congestion
R10.0 Acute abdomen
R10.10 Upper abdominal pain, unspecified
R10.13 Epigastric pain
R10.2 Pelvic and perineal pain
R10.31 Right lower quadrant pain
R10.84 Generalized abdominal pain
R10.9 Unspecified abdominal pain
R11.0 Nausea
R11.10 Vomiting, unspecified
R11.2 Nausea with vomiting, unspecified
R12 Heartburn
R13.10 Dysphagia, unspecified
R14.0 Abdominal distension (gaseous)
R19.4 Change in bowel habit
R19.7 Diarrhea, unspecified
R20.2 Paresthesia of skin
R21 Rash and other nonspecific skin eruption
R22.1 Localized swelling, mass and lump, neck
R23.8 Other skin changes
R25.2 Cramp and spasm
R26.81 Unsteadiness on feet
R29.6 Repeated falls
R30.0 Dysuria
R31.9 Hematuria, unspecified
R32 Unspecified urinary incontinence
R35.0 Frequency of micturition
R35.1 Nocturia
R39.15 Urgency of urination
R40.4 Transient alteration of awareness
R41.0 Disorientation, unspecified
R42 Dizziness and giddiness
R43.0 Anosmia
R45.7 State of emotional shock and stress, unspecified
R45.851 Suicidal ideations
R46.89 Other symptoms and signs involving appearance and behavior
R47.01 Aphasia
R50.9 Fever, unspecified
R51.9 Headache, unspecified
R52 Pain, unspecified
R53.1 Weakness
R53.83 Other fatigue
R54 Age-related physical debility
R55 Syncope and collapse
R56.9 Unspecified convulsions
R59.0 Localized enlarged lymph nodes
R60.0 Localized edema
R62.51 Failure to thrive (child)
R63.0 Anorexia
R63.4 Abnormal weight loss
R63.5 Abnormal weight gain
R68.83 Chills (without fever)
R73.03 Prediabetes
R73.09 Other abnormal glucose
R73.9 Hyperglycemia, unspecified
R79.89 Other specified abnormal findings of blood chemistry
R80.9 Proteinuria, unspecified
R82.90 Unspecified abnormal findings in urine
R94.31 Abnormal electrocardiogram [ECG] [EKG]
S00.03XA Contusion of scalp, initial encounter
S01.81XA Laceration without foreign body of other part of head, initial encounter
S05.00XA Injury of conjunctiva and corneal abrasion without foreign body, unspecified eye, initial encounter
S06.0X0A Concussion without loss of consciousness, initial encounter
S06.0X9A Concussion with loss of consciousness of unspecified duration, initial encounter
S09.90XA Unspecified injury of head, initial encounter
S13.4XXA Sprain of ligaments of cervical spine, initial encounter
S16.1XXA Strain of muscle, fascia and tendon at neck level, initial encounter
S20.211A Contusion of right front wall of thorax, initial encounter
S22.31XA Fracture of one rib, right side, initial encounter for closed fracture
S33.5XXA Sprain of ligaments of lumbar spine, initial encounter
S39.012A Strain of muscle, fascia and tendon of lower back, initial encounter
S40.011A Contusion of right shoulder, initial encounter
S42.001A Fracture of unspecified part of right clavicle, initial encounter for closed fracture
S43.401A Unspecified sprain of right shoulder joint, initial encounter
S52.501A Unspecified fracture of the lower end of right radius, initial encounter for closed fracture
S60.011A Contusion of right thumb without damage to nail, initial encounter
S61.012A Laceration without foreign body of left thumb without damage to nail, initial encounter
S61.411A Laceration without foreign body of right hand, initial encounter
S62.609A Fracture of unspecified phalanx of unspecified finger, initial encounter for closed fracture
S63.501A Unspecified sprain of right wrist, initial encounter
S80.01XA Contusion of right knee, initial encounter
S81.011A Laceration without foreign body, right knee, initial encounter
S82.891A Other fracture of right lower leg, initial encounter for closed fracture
S83.91XA Sprain of unspecified site of right knee, initial encounter
S86.011A Strain of right Achilles tendon, initial encounter
S90.31XA Contusion of right foot, initial encounter
S92.301A Fracture of unspecified metatarsal bone(s), right foot, initial encounter for closed fracture
S93.40 Sprain of unspecified ligament of ankle
S93.401A Sprain of unspecified ligament of right ankle, initial encounter
S93.402A Sprain of unspecified ligament of left ankle, initial encounter
S93.409A Sprain of unspecified ligament of unspecified ankle, initial encounter
T14.90XA Injury, unspecified, initial encounter
T15.90XA Foreign body on external eye, part unspecified, unspecified eye, initial encounter
T20.20XA Burn of second degree of head, face, and neck, unspecified site, initial encounter
T30.0 Burn of unspecified body region, unspecified degree
T50.905A Adverse effect of unspecified drugs, medicaments and biological substances, initial encounter
T63.441A Toxic effect of venom of bees, accidental (unintentional), initial encounter
T63.461A Toxic effect of venom of wasps, accidental (unintentional), initial encounter
T67.01XA Heatstroke and sunstroke, initial encounter
T78.2XXA Anaphylactic shock, unspecified, initial encounter
T78.3XXA Angioneurotic edema, initial encounter
T78.40XA Allergy, unspecified, initial encounter
T88.7XXA Unspecified adverse effect of drug or medicament, initial encounter
U07.1 COVID-19
W01.0XXA Fall on same level from slipping, tripping and stumbling without subsequent striking against object, initial encounter
W19.XXXA Unspecified fall, initial encounter
W54.0XXA Bitten by dog, initial encounter
W57.XXXA Bitten or stung by nonvenomous insect and other nonvenomous arthropods, initial encounter
Z00.00 Encounter for general adult medical examination without abnormal findings
Z00.01 Encounter for general adult medical examination with abnormal findings
Z00.121 Encounter for routine child health examination with abnormal findings
Z00.129 Encounter for routine child health examination without abnormal findings
Z01.00 Encounter for examination of eyes and vision without abnormal findings
Z01.10 Encounter for examination of ears and hearing without abnormal findings
Z01.20 Encounter for dental examination and cleaning without abnormal findings
Z01.419 Encounter for gynecological examination (general) (routine) without abnormal findings
Z01.818 Encounter for other preprocedural examination
Z02.0 Encounter for examination for admission to educational institution
Z02.1 Encounter for pre-employment examination
Z02.79 Encounter for issue of other medical certificate
Z03.89 Encounter for observation for other suspected diseases and conditions ruled out
Z04.9 Encounter for examination and observation for unspecified reason
Z09 Encounter for follow-up examination after completed treatment for conditions other than malignant neoplasm
Z11.1 Encounter for screening for respiratory tuberculosis
Z11.3 Encounter for screening for infections with a predominantly sexual mode of transmission
Z11.4 Encounter for screening for human immunodeficiency virus [HIV]
Z11.59 Encounter for screening for other viral diseases
Z12.11 Encounter for screening for malignant neoplasm of colon
Z12.31 Encounter for screening mammogram for malignant neoplasm of breast
Z12.4 Encounter for screening for malignant neoplasm of cervix
Z13.1 Encounter for screening for diabetes mellitus
Z13.220 Encounter for screening for lipoid disorders
Z13.6 Encounter for screening for cardiovascular disorders
Z20.822 Contact with and (suspected) exposure to COVID-19
Z20.828 Contact with and (suspected) exposure to other viral communicable diseases
Z21 Asymptomatic human immunodeficiency virus [HIV] infection status
Z23 Encounter for immunization
Z28.3 Underimmunization status
Z30.011 Encounter for initial prescription of contraceptive pills
Z30.09 Encounter for other general counseling and advice on contraception
Z30.2 Encounter for sterilization
Z30.41 Encounter for surveillance of contraceptive pills
Z30.430 Encounter for insertion of intrauterine contraceptive device
Z31.69 Encounter for other general counseling and advice on procreation
Z32.01 Encounter for pregnancy test, result positive
Z32.02 Encounter for pregnancy test, result negative
Z33.1 Pregnant state, incidental
Z34.0 Encounter for supervision of normal first pregnancy
Z34.00 Encounter for supervision of normal first pregnancy, unspecified trimester
Z34.01 Encounter for supervision of normal first pregnancy, first trimester
Z34.02 Encounter for supervision of normal first pregnancy, second trimester
Z34.03 Encounter for supervision of normal first pregnancy, third trimester
Z34.80 Encounter for supervision of other normal pregnancy, unspecified trimester
Z34.90 Encounter for supervision of normal pregnancy, unspecified, unspecified trimester
Z39.1 Encounter for care and examination of lactating mother
Z39.2 Encounter for routine postpartum follow-up
Z3A.20 20 weeks gestation of pregnancy
Z47.89 Encounter for other orthopedic aftercare
Z48.01 Encounter for change or removal of surgical wound dressing
Z48.02 Encounter for removal of sutures
Z51.11 Encounter for antineoplastic chemotherapy
Z51.81 Encounter for therapeutic drug level monitoring
Z53.20 Procedure and treatment not carried out because of patient's decision for unspecified reasons
Z55.9 Problems related to education and literacy, unspecified
Z56.0 Unemployment, unspecified
Z59.00 Homelessness, unspecified
Z62.820 Parent-biological child conflict
Z63.0 Problems in relationship with spouse or partner
Z63.4 Disappearance and death of family member
Z68.25 Body mass index [BMI] 25.0-25.9, adult
Z68.30 Body mass index [BMI] 30.0-30.9, adult
Z68.41 Body mass index [BMI] 40.0-44.9, adult
Z71.3 Dietary counseling and surveillance
Z71.41 Alcohol abuse counseling and surveillance of alcoholic
Z71.6 Tobacco abuse counseling
Z71.89 Other specified counseling
Z72.0 Tobacco use
Z73.3 Stress, not elsewhere classified
Z76.0 Encounter for issue of repeat prescription
Z76.89 Persons encountering health services in other specified circumstances
Z79.01 Long term (current) use of anticoagulants
Z79.4 Long term (current) use of insulin
Z79.82 Long term (current) use of aspirin
Z79.84 Long term (current) use of oral hypoglycemic drugs
Z79.899 Other long term (current) drug therapy
Z80.0 Family history of malignant neoplasm of digestive organs
Z80.3 Family history of malignant neoplasm of breast
Z82.49 Family history of ischemic heart disease and other diseases of the circulatory system
Z83.3 Family history of diabetes mellitus
Z86.16 Personal history of COVID-19
Z86.73 Personal history of transient ischemic attack (TIA), and cerebral infarction without residual deficits
Z87.440 Personal history of urinary (tract) infections
Z87.891 Personal history of nicotine dependence
Z88.0 Allergy status to penicillin
Z88.1 Allergy status to other antibiotic agents
Z88.2 Allergy status to sulfonamides
Z91.010 Allergy to peanuts
Z91.013 Allergy to seafood
Z91.048 Other nonmedicinal substance allergy status
Z91.81 History of falling
Z95.1 Presence of aortocoronary bypass graft
Z96.651 Presence of right artificial knee joint
Z98.890 Other specified postprocedural states
Z99.2 Dependence on renal dialysis
`;
