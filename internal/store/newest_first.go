package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// newestFirst reads one page of n rows of db, newest first by
// (created_at, id), after the page cursor names (none: the first page),
// and returns the cursor of the next page ("" on the last). what names
// the rows in an error; key gives a row's created_at and id. The audit
// log, invitations and deliveries page this way.
func newestFirst[T any](db *gorm.DB, cursor string, n int, what string, key func(*T) (time.Time, string)) ([]T, string, error) {
	if cursor != "" {
		k, err := decodeCursor(cursor)
		if err != nil {
			return nil, "", err
		}
		// "created_at <= ?" first gives the planner a range on the
		// (org_id, …, created_at) indexes; the OR alone made SQLite read
		// every row of the organisation on a deep page.
		db = db.Where("created_at <= ? AND (created_at < ? OR id < ?)", k.at, k.at, k.id)
	}
	var rows []T
	if err := db.Order("created_at DESC, id DESC").Limit(n + 1).Find(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("read %s: %w", what, err)
	}
	if len(rows) <= n {
		return rows, "", nil
	}
	rows = rows[:n]
	at, id := key(&rows[n-1])
	return rows, encodeCursor(cursorKey{at: at, id: id}), nil
}
