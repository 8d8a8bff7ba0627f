"""Mass incidents and duplicates: appeals about one problem at one place, answered once.

What the rest of the project calls:
- `link_appeal(appeal)`: a new appeal joins the open incident of its building it matches, or starts one
  with a lone open appeal it matches; `open_incident_for` tells the public form the problem is known;
  `answer_incident` answers every appeal of an incident with one text; `may_answer(user, incident)` whether
  the person may answer it all; `visible_incidents(user)` are those
  a person sees, counted over the appeals they see;
- `same_problem`, `match_incident`, `Candidate`, `OpenIncident`: the matching rule itself, in plain
  Python; `group_archive` groups an archive by it (`detect_incidents`), with `place_key` for the place
  and `WINDOW_DAYS` for the window.

Inside: `matching` (the rule; no database) and `links` (the product's incidents in the database).
"""

from .links import answer_incident, link_appeal, may_answer, open_incident_for, visible_incidents
from .matching import WINDOW_DAYS, Candidate, OpenIncident, group_archive, match_incident, place_key, same_problem

__all__ = ["WINDOW_DAYS", "Candidate", "OpenIncident", "answer_incident", "group_archive", "link_appeal", "may_answer",
           "match_incident", "open_incident_for", "place_key", "same_problem", "visible_incidents"]
