CREATE TABLE "events" (
	"id" INTEGER NOT NULL,
	"day" TEXT NOT NULL,
	"other_day" TEXT NOT NULL,
	"at" TEXT NOT NULL,
	"other_at" TEXT NOT NULL,
	"local" TEXT NOT NULL,
	"other_local" TEXT NOT NULL,
	"happened" TEXT NOT NULL,
	"recorded" TEXT NOT NULL,
	"ended" TEXT,
	PRIMARY KEY ("id")
);
