-- rolefit schema, version 18: the languages respondents answer in.
-- An invitation may name the language its questionnaire is answered in
-- (the manager's choice) and keeps the language the respondent chose or
-- was shown when they agreed to take part; a response records the
-- language it was answered in, and so do its score rows, from which the
-- norms of each language are counted; an organisation names the language
-- its respondents see when neither the invitation nor their browser says.
-- Every response before this version was answered in English, the only
-- language there was. The norms' counts by language are kept by this
-- migration's Go step (store/migrate_steps.go, countScoresByLanguage).
ALTER TABLE invitations ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN chosen_language TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE response_scores ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE organisations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
