"""Language (stop-word fast path, langdetect otherwise) and readability on real passages."""

from __future__ import annotations

from audit import Document, audit_document
from audit.checks.language import by_stopwords, detect
from conftest import SEEDS

ENGLISH = ("Belarusian President Alexander Lukashenko has firmly rejected the idea of his country joining Russia in "
           "the near future, as well as the reverse scenario. Speaking to the Federation Council of the Russian "
           "Federation, he warned that any hasty actions toward this goal could undermine the progress achieved in "
           "bilateral cooperation.")
GERMAN = ("Die ersten zehn Spieltage der Bundesliga sind gespielt. Wie sähe die Tabelle ohne Fehlentscheidungen aus? "
          "Am vergangenen Wochenende standen sie wieder im Mittelpunkt, und das Portal nimmt strittige Szenen unter "
          "die Lupe, die von den Schiedsrichtern anders hätten bewertet werden müssen.")
SPANISH = ("El Gobierno aprobó este martes el proyecto de ley que reforma el sistema de pensiones, después de meses de "
           "negociación con los sindicatos y la patronal, y que ahora deberá ser tramitado en el Congreso de los "
           "Diputados antes de que termine el año.")


def test_stopword_fast_path_names_clear_prose():
    article = (SEEDS / "003_fe09d524997e67dd.txt").read_text(encoding="utf-8")
    assert by_stopwords(article)[0] == "en"
    assert by_stopwords(GERMAN)[0] == "de"
    # too few words: no fast answer, langdetect decides
    assert by_stopwords("Der Präsident sprach.") is None
    # Spanish and Catalan share many stop words: a short passage is left to langdetect
    assert by_stopwords(SPANISH) is None
    spanish = audit_document(Document(id="es", text=SPANISH))["language"]
    assert spanish["code"] == "es" and spanish["method"] == "langdetect"


# a Bulgarian news lead (traf-snippets DEV page): Bulgarian has no stop-word list and shares
# many stop words with Russian
BULGARIAN = ("Нови технически средства получиха децата и младежите, настанени в социални услуги от резидентен тип, "
             "съобщиха от Община Хасково. Това се случи в резултат на реализиран проект, финансиран от Фонд "
             "“Социална закрила“ към Министерството на труда и социалната политика. Осигурените по проекта девет "
             "преносими компютри с лицензиран софтуер, 13 таблета и три мултифункционални устройства, са "
             "предназначени за нуждите на общо 22 учащи деца и младежи от I до XII клас.")


# Chilean news prose (traf-snippets DEV page): its stop words are mostly Catalan, Portuguese and
# French ones too; 8% of its words are on the Spanish list alone
SPANISH_NEWS = (
    "La ministra de la Mujer y Equidad de Género, Antonia Orellana, se refirió a la denuncia que recae en contra "
    "del sacerdote jesuita Felipe Berríos, tras ser acusado de abuso sexual por una mujer, cuando ella era menor "
    "de edad.\nLa secretaria de Estado, señaló que “espero que la justicia penal sea la que investigue y no la "
    "canónica”, en declaraciones a T13 Noche.\nEl religioso sonaba para ocupar un cargo de coordinador nacional "
    "de campamentos por parte del Gobierno, lo que posteriormente fue descartado por el Ejecutivo. Orellana había "
    "sido una de las que planteó que estaba en contra de esa nominación.\nAl respecto, explicó que “conversé con "
    "víctimas de abuso sexual infantil eclesiástico, y de otros tipos de violencia dentro de la institución, y me "
    "pareció que había que escuchar lo que ellos y ellas señalaban de que era un retroceso respecto al Estado Laico "
    "y la discusión sobre la tolerancia que tenemos en el país ante estos hechos”.\nLa Compañía de Jesús informó "
    "el martes del inicio de una investigación contra del sacerdote por hechos de connotación sexual.")


def test_spanish_prose_is_answered_by_the_stop_words_spanish_has_alone():
    from audit.checks.language import FAST_MIN_OWN_SHARE

    code, _ = by_stopwords(SPANISH_NEWS)
    assert code == "es" == detect(SPANISH_NEWS)[0][0]
    # a share of own stop words over the threshold was what it lacked: 8% is short of 10%
    assert by_stopwords(SPANISH_NEWS, min_own_share=2 * FAST_MIN_OWN_SHARE) is None
    report = audit_document(Document(id="es", text=SPANISH_NEWS))["language"]
    assert report["code"] == "es" and report["method"] == "stopwords"


def test_english_that_shares_stop_words_is_answered_by_its_own_stop_words():
    # "a", "in", "on", "to" are Finnish or Romanian stop words too: on this seed the winner's
    # lead over the runner-up is under 2x, and English-only stop words decide
    article = (SEEDS / "000_764669d0dfa9a596.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in article.splitlines() if len(line.split()) >= 6)
    assert by_stopwords(body, min_own_share=1.0) is None
    assert by_stopwords(body)[0] == "en"


def test_a_language_without_a_list_is_not_taken_for_its_neighbour():
    assert by_stopwords(BULGARIAN) is None
    report = audit_document(Document(id="bg", text=BULGARIAN))["language"]
    assert report["code"] == "bg" and report["method"] == "langdetect"


def test_sparse_profiles_give_langdetects_own_answers():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from audit.checks.language import SAMPLE_CHARS, TRIALS

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    for text in (ENGLISH, GERMAN, SPANISH, BULGARIAN, "Лукашенко и Путин: Минск, Москва",
                 "Presidentes do Supremo e do Senado tentam distensionar a República em meio a críticas"):
        detector = factory.create()
        detector.n_trial = TRIALS
        detector.append(text[:SAMPLE_CHARS])
        expected = [(p.lang, round(p.prob, 4)) for p in detector.get_probabilities()]
        assert detect(text) == expected


def test_compact_profile_table_holds_langdetects_probabilities():
    """Every n-gram the detector draws has, for every language, the same double as langdetect's
    own table, whichever compact form its row takes (one-language pair, sparse, dense)."""
    from array import array

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from audit.checks.language import _sparse_profiles

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    langs, table = _sparse_profiles(PROFILES_DIRECTORY)
    position = {lang: k for k, lang in enumerate(langs)}
    order = [position[lang] for lang in factory.langlist]  # langdetect's index -> ours
    forms = set()
    drawn = {gram: row for gram, row in factory.word_lang_prob_map.items() if 1 <= len(gram) <= 3}
    assert set(table) == set(drawn)
    for gram, theirs in drawn.items():
        row = table[gram]
        ours = [0.0] * len(langs)
        if isinstance(row, complex):
            ours[int(row.real)] = row.imag
        elif isinstance(row, array):
            ours = list(row)
        else:
            for k in range(0, len(row), 2):
                ours[row[k]] = row[k + 1]
        forms.add(type(row))
        assert [ours[order[k]] for k in range(len(theirs))] == list(theirs), gram
    assert forms == {complex, tuple, array}


def test_fast_path_agrees_with_langdetect():
    for text in (ENGLISH, GERMAN, SPANISH, (SEEDS / "002_19ca5700293a0b5e.txt").read_text(encoding="utf-8")):
        fast = by_stopwords(text)
        if fast is not None:
            assert fast[0] == detect(text)[0][0]


def test_report_language_and_method():
    report = audit_document(Document(id="de", text=GERMAN + "\n" + GERMAN))
    assert report["language"]["code"] == "de" and report["language"]["method"] == "stopwords"
    # Russian has a stop-word list too, but a name-heavy headline is left to langdetect
    report = audit_document(Document(id="ru", text="Лукашенко и Путин: Минск, Москва, Союзное государство"))
    assert report["language"]["code"] in ("ru", "bg", "mk", "uk", "und")


def test_menu_only_page_has_no_language():
    report = audit_document(Document(id="m", text="Home\nNews\nSport\n©"))
    assert report["language"]["code"] == "und"
    assert any(f["code"] == "L101" for f in report["findings"])


def test_readability_on_plain_and_dense_prose():
    plain = "The cat sat on the mat. It was a warm day. The dog came in and lay down. " * 8
    dense = ("Notwithstanding considerable institutional heterogeneity, multilateral intergovernmental "
             "organisations characteristically demonstrate systematically underappreciated administrative "
             "interdependencies, consequently necessitating comprehensive reconceptualisation. ") * 4
    easy = audit_document(Document(id="p", text=plain))["readability"]
    hard = audit_document(Document(id="d", text=dense))
    assert easy["computed"] and easy["flesch_reading_ease"] > 80
    assert hard["readability"]["flesch_reading_ease"] < easy["flesch_reading_ease"] - 60
    assert any(f["code"] == "R101" for f in hard["findings"])


def test_syllables_match_textstat_without_its_full_dictionary():
    import re

    from textstat.backend.counts import count_syllables

    from audit.checks import readability

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    words = sorted({w.lower() for w in readability._WORD.findall(text)})
    assert any("’" in w or "'" in w for w in words) and len(words) > 1000
    for lang in ("en", "de"):
        for word in words[:: 3 if lang == "en" else 7]:
            assert readability._count_syllables(word, lang) == count_syllables(word, lang), (lang, word)
    assert all(re.fullmatch(r"[a-z'().-]+", w) for w in list(readability._cmu_syllables())[:50])


def test_dictionaries_read_as_pyphen_reads_them():
    import pyphen

    from audit.checks import readability

    # every dictionary the formulas use, and Hungarian (105,000 patterns, many alternatives)
    for lang in sorted(readability.TEXTSTAT_LANGS) + ["hu"]:
        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
        before = dict(pyphen.hdcache)
        ours = readability.read_dic_patterns(path)
        assert pyphen.hdcache == before  # read without building Pyphen's own HyphDict
        theirs = pyphen.HyphDict(path)
        assert ours == theirs.patterns, lang
        assert readability.LiangPatterns(ours).maxlen == theirs.maxlen


def test_hyphenation_points_are_pyphens_without_its_memo():
    from textstat.backend.utils import get_pyphen

    from audit.checks import readability

    words = {"de": GERMAN, "es": SPANISH, "en": ENGLISH, "ru": "Лукашенко и Путин подписали соглашение"}
    for lang, text in words.items():
        hyphenator = get_pyphen(lang)
        tokens = [w.lower() for w in readability._WORD.findall(text)]
        counts = [readability._hyphenation_points(readability.liang_patterns(lang), w) for w in tokens]
        assert counts == [len(hyphenator.positions(w)) for w in tokens]
        assert max(counts) >= 2


def test_long_german_words_hyphenate_as_pyphen_with_bounded_prefixes():
    from textstat.backend.utils import get_pyphen

    from audit.checks import readability

    german, liang = get_pyphen("de"), readability.liang_patterns("de")
    words = ["donaudampfschifffahrtsgesellschaftskapitän", "bundesverfassungsgerichtsentscheidung",
             "rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", "fehlentscheidungen", "spieltage"]
    assert [readability._hyphenation_points(liang, w) for w in words] == [len(german.positions(w)) for w in words]
    # German's prefixes are cut to the budget, English keeps all of them
    assert len(liang.prefixes) <= readability.PREFIX_BUDGET and liang.pruned_up_to < liang.maxlen
    english = readability.liang_patterns("en")
    assert english.pruned_up_to == english.maxlen
    # patterns of the same shape share their levels: one object per distinct value
    values = liang.patterns.values()
    assert len({id(v) for v in values}) == len(set(values)) < len(values) / 10
