CREATE TABLE "issue_labels" (
	"issue_id" INTEGER NOT NULL,
	"label_id" INTEGER NOT NULL,
	PRIMARY KEY ("label_id", "issue_id")
);
