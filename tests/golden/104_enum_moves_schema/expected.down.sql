-- shale:down of 0001_after

ALTER TYPE "billing"."currency" SET SCHEMA "public";
--> statement-breakpoint
DROP SCHEMA "billing";
