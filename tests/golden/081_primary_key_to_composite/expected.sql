-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "issue_labels" against reads and writes
-- hazard: DELETES_DATA drops column "issue_labels"."id"
-- hazard: BACKWARD_INCOMPATIBLE code using column "issue_labels"."id" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "issue_labels" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "issue_labels_pkey" on "issue_labels"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "issue_labels" against reads and writes

ALTER TABLE "public"."issue_labels" DROP CONSTRAINT "issue_labels_pkey";
--> statement-breakpoint
ALTER TABLE "public"."issue_labels" DROP COLUMN "id";
--> statement-breakpoint
ALTER TABLE "public"."issue_labels" ADD CONSTRAINT "issue_labels_pkey" PRIMARY KEY ("issue_id", "label_id");
