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
