-- shale:down of 0001_after

ALTER TABLE "accounts" RENAME TO "users";
