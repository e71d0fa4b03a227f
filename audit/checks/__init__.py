"""Check families, one module each, run in this order by `audit.pipeline`.

Each module declares its rules with `audit.rules.define` and exposes
`run(ctx: Context) -> dict`: it reads the page and what earlier families decided
(`ctx.labels`, `ctx.results`), emits findings with `ctx.emit`, and returns the result
object that goes into the report under `REPORT_KEY`.
"""

from . import ai_style, attribution, comments, content, dates, input, language, noise, readability

# input reports truncation and guessed encodings; noise labels every line; comments relabels the
# reader-comment section; the rest read labels.
FAMILIES = (input, noise, comments, dates, attribution, ai_style, language, readability, content)


def preload() -> None:
    """Build the families' compiled phrase and date patterns (each family's PRELOAD loaders)
    now. A process pool's parent calls this before it forks, so every worker starts with them
    instead of compiling its own (~0.3 s of CPU a worker, ~12 MB the parent holds)."""
    for family in FAMILIES:
        for load in getattr(family, "PRELOAD", ()):
            load()


def warm_up() -> None:
    """Load the tables each family would load with its first document (each family's WARM_UP
    loaders: CMUdict's syllable counts, the stop-word index, the domain ratings). A pool's
    workers call this as they start, while the parent is still reading the run's first pass,
    so the load does not delay their first chunk (~0.17 s a worker, most of it CMUdict). They
    are not built before the fork like PRELOAD: the parent would hold ~15 MB more for nothing."""
    for family in FAMILIES:
        for load in getattr(family, "WARM_UP", ()):
            load()
