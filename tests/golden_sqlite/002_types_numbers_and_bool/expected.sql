CREATE TABLE "measurement" (
	"id" INTEGER NOT NULL,
	"small" INTEGER NOT NULL,
	"big" INTEGER NOT NULL,
	"ratio" REAL NOT NULL,
	"precise" REAL NOT NULL,
	"active" INTEGER NOT NULL,
	"maybe_small" INTEGER,
	"maybe_ratio" REAL,
	"maybe_flag" INTEGER,
	PRIMARY KEY ("id")
);
