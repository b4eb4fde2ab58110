-- shale:down of 0001_after

CREATE TABLE "orgs" (
	"id" INTEGER NOT NULL,
	"name" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
