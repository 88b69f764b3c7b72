/**
 * Notification toasts. A toast is in the page (and matches a locator) while
 * it still fades in; only the ones that have finished are counted, so that a
 * test reads a toast a user could read.
 */
import type { Locator, Page } from 'playwright-core';

/** Notification toasts that have finished fading in. */
export function notificationToasts(page: Page): Locator {
  return page.locator('.notifications-toasts .notification-toast.notification-fade-in-done');
}

/** The toast whose message matches. */
export function notificationToast(page: Page, text: string | RegExp): Locator {
  return notificationToasts(page).filter({ hasText: text }).first();
}
