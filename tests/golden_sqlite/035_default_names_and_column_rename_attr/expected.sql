CREATE TABLE "webhook_delivery" (
	"id" INTEGER NOT NULL,
	"status_code" INTEGER NOT NULL,
	"type" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
