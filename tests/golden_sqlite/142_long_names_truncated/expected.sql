CREATE TABLE "a_table_with_a_rather_long_descriptive_name_for_testing" (
	"id" INTEGER NOT NULL,
	"another_equally_long_column_name_for_truncation" TEXT NOT NULL,
	PRIMARY KEY ("id"),
	CONSTRAINT "a_table_with_a_rather_long_de_another_equally_long_column_n_key" UNIQUE ("another_equally_long_column_name_for_truncation")
);
--> statement-breakpoint
CREATE INDEX "a_table_with_a_rather_long_de_another_equally_long_column_n_idx" ON "a_table_with_a_rather_long_descriptive_name_for_testing" ("another_equally_long_column_name_for_truncation");
