-- shale:down of 0001_after

ALTER TABLE "accounts" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "users" RENAME COLUMN "login" TO "email";
