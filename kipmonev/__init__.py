"""kipmonev: score Indonesian public bodies in Komisi Informasi's monev, explain every point, render reports.

The public API::

    from kipmonev import load_questionnaire, Submission, BodyIdentity, Answer, score

    q = load_questionnaire("ki-pusat-2025-kementerian")
    sub = Submission(questionnaire_id=q.id, body=BodyIdentity(name="Kementerian Contoh"),
                     answers={"KO.1.1": Answer(value="Ya", evidence=("https://ppid.contoh.go.id/sk",))})
    assessment = score(q, sub)
    print(assessment.outcome.estimate_score, assessment.outcome.estimate_band.name)
"""

from kipmonev._version import __version__
from kipmonev.core.errors import KipmonevError, Location, Problem, QuestionnaireError, RenderError, SubmissionError, WorkbookError
from kipmonev.engine.rounding import round_score
from kipmonev.engine.scoring import check_submission, classify, score
from kipmonev.model.questionnaire import Band, Questionnaire, RuleSet
from kipmonev.model.result import Assessment, result_schema
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.sources.loader import load_questionnaire, load_rule_set, with_rule_set
from kipmonev.sources.reader import read_submission

__all__ = [
    "Answer",
    "Assessment",
    "Band",
    "BodyIdentity",
    "KipmonevError",
    "Location",
    "Problem",
    "Questionnaire",
    "QuestionnaireError",
    "RenderError",
    "RuleSet",
    "Submission",
    "SubmissionError",
    "WorkbookError",
    "__version__",
    "check_submission",
    "classify",
    "load_questionnaire",
    "load_rule_set",
    "read_submission",
    "result_schema",
    "round_score",
    "score",
    "with_rule_set",
]
