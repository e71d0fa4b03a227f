"""Check families, one module each, run in this order by `audit.pipeline`.

Each module declares its rules with `audit.rules.define` and exposes
`run(ctx: Context) -> dict`: it reads the page and what earlier families decided
(`ctx.labels`, `ctx.results`), emits findings with `ctx.emit`, and returns the result
object that goes into the report under `REPORT_KEY`.
"""

from . import ai_style, attribution, comments, dates, input, language, noise, readability

# input reports truncation and guessed encodings; noise labels every line; comments relabels the reader-comment section; the rest read labels.
FAMILIES = (input, noise, comments, dates, attribution, ai_style, language, readability)
