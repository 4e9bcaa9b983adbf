package store

import "context"

// ExecForTest runs raw SQL, for tests that need to set up states the
// store's API never makes (such as a schema from a newer rolefit).
func (s *Store) ExecForTest(ctx context.Context, sql string) error {
	return s.write.WithContext(ctx).Exec(sql).Error
}
