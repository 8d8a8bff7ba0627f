"""Measuring triage's language features on labelled data, apart from the code that serves them.

- `metrics`: accuracy, macro-F1, calibration error and their report, for any classifier;
- `classifier`: the shipped training procedure measured on a held-out split (`train_classifier` prints it);
- `extraction`: precision, recall and F1 per field of `triage.extraction` on the labelled set in
  triage/data (`evaluate_extraction`);
- `incidents`: pairwise precision, recall and F1 of an incident grouping against building, reason and
  chained windows;
- `faq`: hit@1, hit@3 and false matches of FAQ matching on paraphrased questions;
- `answers`: how often the answer drafts offered come from appeals of the query's reason.

`bench.intelligence` runs them all on the shared data; the figures are in the README.
"""
