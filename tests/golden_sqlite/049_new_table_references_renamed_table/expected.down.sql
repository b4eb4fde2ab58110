-- shale:down of 0001_after
-- shale:data-loss: drops table "sessions" and all its rows

DROP TABLE "sessions";
--> statement-breakpoint
ALTER TABLE "accounts" RENAME TO "users";
