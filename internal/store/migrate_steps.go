package store

import (
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"rolefit/internal/assess"
)

// migrationSteps are the parts of a migration that SQL alone cannot do
// portably, run in the migration's transaction right after its SQL file.
var migrationSteps = map[int]func(tx *gorm.DB) error{
	3:  fillScoreRows,
	13: countScoresOnSQLite,
	17: revokeKeysOfRemovedUsers,
	20: countScoresByLanguage,
}

// fillScoreRows writes the score rows of every response stored before
// they existed, from each response's stored result, in batches so memory
// stays flat however many responses there are.
func fillScoreRows(tx *gorm.DB) error {
	type stored struct {
		ID                   string
		OrgID                string
		QuestionnaireID      string
		QuestionnaireVersion int
		Result               string
	}
	last := ""
	for {
		var batch []stored
		err := tx.Raw(`SELECT id, org_id, questionnaire_id, questionnaire_version, result FROM responses
			WHERE id > ? ORDER BY id LIMIT 500`, last).Scan(&batch).Error
		if err != nil {
			return fmt.Errorf("read responses: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		var rows []ScoreRow
		for _, r := range batch {
			var res assess.Result
			if err := json.Unmarshal([]byte(r.Result), &res); err != nil {
				return fmt.Errorf("response %s: read stored result: %w", r.ID, err)
			}
			for _, row := range scoreRows(res) {
				row.ResponseID, row.OrgID, row.QuestionnaireID, row.QuestionnaireVersion = r.ID, r.OrgID, r.QuestionnaireID, r.QuestionnaireVersion
				rows = append(rows, row)
			}
		}
		if len(rows) > 0 {
			if err := tx.CreateInBatches(rows, 500).Error; err != nil {
				return fmt.Errorf("write score rows: %w", err)
			}
		}
		last = batch[len(batch)-1].ID
	}
}

// countScoresOnSQLite replaces, on SQLite, the index response_scores_norms
// (organisation, questionnaire, version, scale, score) by score_counts: one
// row per distinct score of a scale with how many score rows have it,
// kept by triggers on response_scores, so every way a score row comes or
// goes (a submission, a rescore, an erasure cascading from the person or
// the organisation, retention) counts, in the same transaction.
//
// Why: a submission's dozen score rows land at a dozen scattered places of
// that index, so a group commit of fifteen submissions dirtied some 170 of
// its pages, each written to the WAL and fsynced: dropping the index took
// rolefit from about 700 to about 1,100 submissions a second on SQLite
// (docs/PERFORMANCE.md). The counts are a few hundred rows per
// questionnaire an organisation uses, so their pages stay few and hot.
//
// PostgreSQL keeps the index: its transactions run side by side, and
// concurrent submissions would queue on the same counter rows (and two
// rescores could deadlock on them), where SQLite's one writer runs them in
// turn anyway.
func countScoresOnSQLite(tx *gorm.DB) error {
	if tx.Dialector.Name() != "sqlite" {
		return nil
	}
	const key = "org_id, questionnaire_id, questionnaire_version, scale_id, score"
	const match = `org_id = OLD.org_id AND questionnaire_id = OLD.questionnaire_id
		AND questionnaire_version = OLD.questionnaire_version AND scale_id = OLD.scale_id AND score = OLD.score`
	for _, stmt := range []string{
		`CREATE TABLE score_counts (
			org_id                 TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
			questionnaire_id       TEXT NOT NULL,
			questionnaire_version  INTEGER NOT NULL,
			scale_id               TEXT NOT NULL,
			score                  DOUBLE PRECISION NOT NULL,
			n                      INTEGER NOT NULL CHECK (n >= 0),
			PRIMARY KEY (` + key + `)
		) WITHOUT ROWID`,
		`INSERT INTO score_counts (` + key + `, n)
			SELECT ` + key + `, COUNT(*) FROM response_scores WHERE score IS NOT NULL GROUP BY ` + key,
		`CREATE TRIGGER response_scores_count_insert AFTER INSERT ON response_scores
			WHEN NEW.score IS NOT NULL BEGIN
			INSERT INTO score_counts (` + key + `, n)
				VALUES (NEW.org_id, NEW.questionnaire_id, NEW.questionnaire_version, NEW.scale_id, NEW.score, 1)
				ON CONFLICT (` + key + `) DO UPDATE SET n = n + 1;
		END`,
		`CREATE TRIGGER response_scores_count_delete AFTER DELETE ON response_scores
			WHEN OLD.score IS NOT NULL BEGIN
			UPDATE score_counts SET n = n - 1 WHERE ` + match + `;
		END`,
		`CREATE TRIGGER response_scores_count_update AFTER UPDATE OF ` + key + ` ON response_scores BEGIN
			UPDATE score_counts SET n = n - 1 WHERE OLD.score IS NOT NULL AND ` + match + `;
			INSERT INTO score_counts (` + key + `, n)
				SELECT NEW.org_id, NEW.questionnaire_id, NEW.questionnaire_version, NEW.scale_id, NEW.score, 1
				WHERE NEW.score IS NOT NULL
				ON CONFLICT (` + key + `) DO UPDATE SET n = n + 1;
		END`,
		`DROP INDEX response_scores_norms`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("count scores: %w", err)
		}
	}
	return nil
}

// countScoresByLanguage counts the norms' reference groups by language
// too, so that each language's norms are read as quickly as all of them
// were. On SQLite score_counts and its triggers (countScoresOnSQLite) are
// made again with the language in the key; on PostgreSQL the index of the
// score rows gains it.
func countScoresByLanguage(tx *gorm.DB) error {
	if tx.Dialector.Name() != "sqlite" {
		for _, stmt := range []string{
			`DROP INDEX IF EXISTS response_scores_norms`,
			`CREATE INDEX response_scores_norms ON response_scores (org_id, questionnaire_id, questionnaire_version, language, scale_id, score)`,
		} {
			if err := tx.Exec(stmt).Error; err != nil {
				return fmt.Errorf("index scores by language: %w", err)
			}
		}
		return nil
	}
	const key = "org_id, questionnaire_id, questionnaire_version, language, scale_id, score"
	const match = `org_id = OLD.org_id AND questionnaire_id = OLD.questionnaire_id
		AND questionnaire_version = OLD.questionnaire_version AND language = OLD.language
		AND scale_id = OLD.scale_id AND score = OLD.score`
	for _, stmt := range []string{
		`DROP TRIGGER response_scores_count_insert`,
		`DROP TRIGGER response_scores_count_delete`,
		`DROP TRIGGER response_scores_count_update`,
		`DROP TABLE score_counts`,
		`CREATE TABLE score_counts (
			org_id                 TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
			questionnaire_id       TEXT NOT NULL,
			questionnaire_version  INTEGER NOT NULL,
			language               TEXT NOT NULL,
			scale_id               TEXT NOT NULL,
			score                  DOUBLE PRECISION NOT NULL,
			n                      INTEGER NOT NULL CHECK (n >= 0),
			PRIMARY KEY (` + key + `)
		) WITHOUT ROWID`,
		`INSERT INTO score_counts (` + key + `, n)
			SELECT ` + key + `, COUNT(*) FROM response_scores WHERE score IS NOT NULL GROUP BY ` + key,
		`CREATE TRIGGER response_scores_count_insert AFTER INSERT ON response_scores
			WHEN NEW.score IS NOT NULL BEGIN
			INSERT INTO score_counts (` + key + `, n)
				VALUES (NEW.org_id, NEW.questionnaire_id, NEW.questionnaire_version, NEW.language, NEW.scale_id, NEW.score, 1)
				ON CONFLICT (` + key + `) DO UPDATE SET n = n + 1;
		END`,
		`CREATE TRIGGER response_scores_count_delete AFTER DELETE ON response_scores
			WHEN OLD.score IS NOT NULL BEGIN
			UPDATE score_counts SET n = n - 1 WHERE ` + match + `;
		END`,
		`CREATE TRIGGER response_scores_count_update AFTER UPDATE OF ` + key + ` ON response_scores BEGIN
			UPDATE score_counts SET n = n - 1 WHERE OLD.score IS NOT NULL AND ` + match + `;
			INSERT INTO score_counts (` + key + `, n)
				SELECT NEW.org_id, NEW.questionnaire_id, NEW.questionnaire_version, NEW.language, NEW.scale_id, NEW.score, 1
				WHERE NEW.score IS NOT NULL
				ON CONFLICT (` + key + `) DO UPDATE SET n = n + 1;
		END`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("count scores by language: %w", err)
		}
	}
	return nil
}

// revokeKeysOfRemovedUsers revokes the API keys whose maker was removed
// before a key was revoked with its maker: removing a user cleared the
// key's created_by, so it looked like a key of the organisation's, made
// by rolefit apikey add, and kept an admin's rights. Such a key is told
// apart by its audit entry, which names the user who made it rather than
// the console. Each revocation is recorded in the key's organisation's
// audit log.
func revokeKeysOfRemovedUsers(tx *gorm.DB) error {
	var keys []struct {
		ID    string
		OrgID string
		Name  string
	}
	err := tx.Raw(`SELECT k.id, k.org_id, k.name FROM api_keys k
		WHERE k.created_by IS NULL AND k.revoked_at IS NULL AND EXISTS (
			SELECT 1 FROM audit_entries a WHERE a.org_id = k.org_id AND a.subject_id = k.id
			AND a.subject_type = 'api_key' AND a.action = 'create' AND a.actor_id <> 'console')`).Scan(&keys).Error
	if err != nil {
		return fmt.Errorf("find API keys of removed users: %w", err)
	}
	now := tx.NowFunc()
	for _, k := range keys {
		if err := tx.Exec("UPDATE api_keys SET revoked_at = ? WHERE id = ?", now, k.ID).Error; err != nil {
			return fmt.Errorf("revoke API key %s: %w", k.ID, err)
		}
		if err := tx.Exec(`INSERT INTO audit_entries (id, org_id, actor_id, actor_name, action, subject_type, subject_id, detail, created_at)
			VALUES (?, ?, 'rolefit', 'rolefit upgrade', 'revoke', 'api_key', ?, ?, ?)`,
			newID(), k.OrgID, k.ID, k.Name+": made by a user who was removed", now).Error; err != nil {
			return fmt.Errorf("record revoking API key %s: %w", k.ID, err)
		}
	}
	return nil
}
