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
	3: fillScoreRows,
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
