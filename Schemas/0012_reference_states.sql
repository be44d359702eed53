-- 0012: the universe of states (docs/data-format.md, "Reference lists"; docs/analysts.md): every
-- member and observer state of the United Nations, whether or not the dataset has an actor for it.
-- The rows are not written here: the migrator fills the table from the list embedded in the binary
-- (Schemas/reference/un_member_states.csv) each time it re-creates the schema objects, and records
-- the list's SHA-256 with them, so that a scorecard with a newer list refreshes it.

CREATE TABLE scorecard.un_member_states (
    alpha_3 text PRIMARY KEY CHECK (alpha_3 ~ '^[A-Z]{3}$'),
    alpha_2 text NOT NULL UNIQUE CHECK (alpha_2 ~ '^[A-Z]{2}$'),
    name text NOT NULL,
    official_name text NOT NULL,
    status text NOT NULL CHECK (status IN ('member', 'observer')),
    admitted integer CHECK ((status = 'member') = (admitted IS NOT NULL))
);
COMMENT ON TABLE scorecard.un_member_states IS 'The universe of states: the 193 member states of the United Nations and its 2 observer states, from the country_converter package''s UN membership data, written by the migrator from the list embedded in scorecard. Join actors on iso_code (alpha_3 or alpha_2) to find the states a dataset has no actor for. Grain: one state.';
COMMENT ON COLUMN scorecard.un_member_states.alpha_3 IS 'ISO 3166-1 alpha-3 code.';
COMMENT ON COLUMN scorecard.un_member_states.alpha_2 IS 'ISO 3166-1 alpha-2 code.';
COMMENT ON COLUMN scorecard.un_member_states.name IS 'Short name, in English.';
COMMENT ON COLUMN scorecard.un_member_states.official_name IS 'Official name, in English.';
COMMENT ON COLUMN scorecard.un_member_states.status IS 'member or observer (the Holy See, the State of Palestine).';
COMMENT ON COLUMN scorecard.un_member_states.admitted IS 'Year of admission to the United Nations; NULL for an observer.';
