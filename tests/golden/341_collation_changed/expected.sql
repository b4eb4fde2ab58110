-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "words" against reads and writes
-- hazard: INDEX_BUILD rebuilds the indexes of table "words" over column "words"."note" for its new collation
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "words" against reads and writes
-- hazard: INDEX_BUILD rebuilds the indexes of table "words" over column "words"."tag" for its new collation
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "words" against reads and writes
-- hazard: INDEX_BUILD rebuilds the indexes of table "words" over column "words"."word" for its new collation
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "words" against reads and writes

DROP VIEW "public"."word_list";
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "code" SET DATA TYPE varchar(20) COLLATE "C" USING "code"::varchar(20);
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "note" SET DATA TYPE text COLLATE "default";
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "tag" SET DATA TYPE text COLLATE "POSIX";
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "word" SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
CREATE VIEW "public"."word_list" ("id", "word") AS
SELECT id, word FROM words;
