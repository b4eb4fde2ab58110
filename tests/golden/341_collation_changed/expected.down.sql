-- shale:down of 0001_after
-- shale:data-loss: changes column "words"."code" from varchar(20) to varchar(10), which may lose or refuse values

DROP VIEW "public"."word_list";
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "code" SET DATA TYPE varchar(10) COLLATE "C" USING "code"::varchar(10);
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "note" SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "tag" SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "public"."words" ALTER COLUMN "word" SET DATA TYPE text COLLATE "default";
--> statement-breakpoint
CREATE VIEW "public"."word_list" ("id", "word") AS
SELECT id, word FROM words;
