SET lock_timeout = '5s';
--> statement-breakpoint
-- the line directly before the statement
-- shale:allow dropping-column
ALTER TABLE "users" DROP COLUMN "a";
--> statement-breakpoint
ALTER TABLE "users"
  -- shale:allow dropping-column, renaming-column
  DROP COLUMN "b",
  RENAME COLUMN "c" TO "d";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "e"; -- shale:allow dropping-column
ALTER TABLE "users" DROP COLUMN "f";
/* shale:allow dropping-table */ DROP TABLE "g";
--> statement-breakpoint
-- shale:allow renaming-column (wrong rule: the drop is still reported)
ALTER TABLE "users" DROP COLUMN "h";
