"""Answers for residents and operators: the FAQ, and drafts from the answers to similar earlier appeals.

What the rest of the project calls:
- `match_faq(question)`: the FAQ entries that answer a question, best first (the public site while a
  resident writes, `/faq/`, the registration screen);
- `suggest_answers(appeal)`: drafts from the answers given to the most similar earlier appeals, with the
  earlier applicants' details removed and the new appeal's greeting, number and date filled in;
  `index_ready()` says whether their index is built yet, `warm_up()` starts building it without waiting
  (a clerk has logged in), `forget_index()` drops it.

Inside: `faq` (FAQ matching), `suggestions` (the index of answered appeals and the ranking) and `drafts`
(an earlier answer made a draft: personal details out, gaps to fill in).
"""

from .faq import match_faq
from .suggestions import forget_index, index_ready, suggest_answers, warm_up

__all__ = ["forget_index", "index_ready", "match_faq", "suggest_answers", "warm_up"]
