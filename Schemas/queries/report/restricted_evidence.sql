-- Which of the evidence records explain shows are restricted (scorecard.is_public), so that it
-- withholds or marks them. Grain: evidence record. $1 evidence ids (text[]).
SELECT e.id FROM scorecard.evidence e
WHERE e.id = ANY ($1::text[]) AND NOT scorecard.is_public(e.sensitivity)
ORDER BY e.id
