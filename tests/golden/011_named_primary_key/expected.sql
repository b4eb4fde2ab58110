CREATE TABLE "public"."issue_labels" (
	"issue_id" bigint NOT NULL,
	"label_id" bigint NOT NULL,
	CONSTRAINT "issue_labels_pk" PRIMARY KEY ("label_id", "issue_id")
);
