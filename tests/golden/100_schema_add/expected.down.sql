-- shale:down of 0001_after
-- shale:data-loss: drops table "billing"."ledger" and all its rows

DROP TABLE "billing"."ledger";
--> statement-breakpoint
DROP SCHEMA "billing";
