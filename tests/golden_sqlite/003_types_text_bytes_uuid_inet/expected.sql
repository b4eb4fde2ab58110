CREATE TABLE "devices" (
	"id" TEXT NOT NULL,
	"label" TEXT NOT NULL,
	"firmware" BLOB NOT NULL,
	"last_ip" TEXT NOT NULL,
	"previous_ip" TEXT,
	"owner" TEXT,
	PRIMARY KEY ("id")
);
