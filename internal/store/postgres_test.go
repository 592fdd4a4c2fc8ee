//go:build integration

package store

import (
	"context"
	"database/sql"
	"testing"

	"github.com/vanban/vanban/internal/testtools"
)

// PostgreSQL joins the backends every store test runs against; its
// database comes from VANBAN_TEST_DATABASE_URL (.ci/run creates one).
func init() {
	moreStores["postgres"] = func(t *testing.T) Store {
		url := testtools.PostgresURL(t)
		resetPostgres(t, url)
		s, err := OpenPostgres(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

// resetPostgres drops the tables, so each test starts from the
// migrations like a new SQLite file does.
func resetPostgres(t *testing.T, url string) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tbl := range []string{"comments", "versions", "audit", "drafts", "templates", "recipients", "profiles", "schema_migrations"} {
		if _, err := db.Exec("DROP TABLE IF EXISTS " + tbl + " CASCADE"); err != nil {
			t.Fatal(err)
		}
	}
}
