// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Notification } from './notification.entity';
export { NOTIFICATION_KINDS } from './notification.kinds';
export type {
  NotificationKind,
  NotificationLink,
  NotificationPayload,
  NotificationPayloads,
} from './notification.kinds';
export { notify, notifyAll } from './notification.service';
export type { Notice, NotifyOptions, Recipient } from './notification.service';
export { delegationCreatedPayload, delegationRevokedPayload, delegationRevokedPayloads } from './notification.payloads';
export { renderMail, renderNotification } from './notification.messages';
export { sendDueReminders, CERTIFICATION_REMINDER_DAYS, DELEGATION_REMINDER_DAYS } from './reminders';
export type { ReminderSweep } from './reminders';
export { startNotifications } from './notification.module';
export type { Notifications } from './notification.module';
export { NotificationMailSubscriber } from './notification.subscriber';
export { MailOutbox } from './mail-outbox';
export { notifyRequestRouted } from './decision-request.notifications';
