package org.smileback.reminders;

import android.app.AlarmManager;
import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.os.Build;
import android.util.Log;

import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

import java.util.Calendar;

/**
 * SmileBack's daily reminders while the app is closed.
 *
 * Python (app/reminders.py, schedule_android_alarms) decides WHICH moments deserve a
 * reminder and hands them over as JSON through arm(). This receiver keeps that plan,
 * turns each wall-clock moment into an alarm, posts the notification when one rings,
 * and sets the alarms again after a reboot, an app update, a clock or time-zone change,
 * or when the patient grants exact alarms. Nothing here needs Python to be running.
 *
 * Plan entries: {"day": "2026-11-25", "time": "08:30", "title": "...", "message": "..."}.
 */
public class ReminderReceiver extends BroadcastReceiver {
    private static final String TAG = "SmileBackReminders";
    private static final String ACTION_REMIND = "org.smileback.reminders.REMIND";
    private static final String PREFS = "smileback_reminders";
    private static final String PLAN_KEY = "plan";
    private static final String CHANNEL_ID = "daily_reminders";
    // Python plans at most 3 a day for 7 days; codes up to this bound are cleared each time.
    private static final int MAX_ALARMS = 32;
    // One id for every reminder: a new one replaces an unread one instead of piling up.
    private static final int NOTIFICATION_ID = 4201;

    /** Called from Python through pyjnius: remember the plan and set its alarms. */
    public static void arm(Context context, String planJson) {
        context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
                .edit().putString(PLAN_KEY, planJson).apply();
        rearm(context);
    }

    @Override
    public void onReceive(Context context, Intent intent) {
        if (ACTION_REMIND.equals(intent.getAction())) {
            notify(context, intent.getStringExtra("title"), intent.getStringExtra("message"));
        } else {
            // BOOT_COMPLETED, MY_PACKAGE_REPLACED, TIME_SET, TIMEZONE_CHANGED, exact-alarm grant:
            // alarms were dropped or now point at the wrong instant.
            rearm(context);
        }
    }

    static void rearm(Context context) {
        AlarmManager alarms = (AlarmManager) context.getSystemService(Context.ALARM_SERVICE);
        cancelAll(context, alarms);
        String planJson = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).getString(PLAN_KEY, "[]");
        long now = System.currentTimeMillis();
        int code = 0;
        try {
            JSONArray plan = new JSONArray(planJson);
            for (int i = 0; i < plan.length() && code < MAX_ALARMS; i++) {
                JSONObject entry = plan.getJSONObject(i);
                long at = wallClockMillis(entry.getString("day"), entry.getString("time"));
                if (at <= now) {
                    continue;
                }
                Intent remind = remindIntent(context)
                        .putExtra("title", entry.optString("title", "SmileBack"))
                        .putExtra("message", entry.optString("message", "Your face routine is ready whenever you are."));
                PendingIntent pending = PendingIntent.getBroadcast(
                        context, code++, remind, PendingIntent.FLAG_UPDATE_CURRENT | immutable());
                setAlarm(alarms, at, pending);
            }
        } catch (JSONException | NumberFormatException e) {
            Log.w(TAG, "unreadable reminder plan, no reminders set: " + e);
        }
    }

    private static Intent remindIntent(Context context) {
        // Explicit and non-exported: no other app can make SmileBack post a notification.
        return new Intent(context, ReminderReceiver.class).setAction(ACTION_REMIND);
    }

    private static void cancelAll(Context context, AlarmManager alarms) {
        // PendingIntents match on action and component, not extras, so each code finds its alarm.
        for (int code = 0; code < MAX_ALARMS; code++) {
            PendingIntent old = PendingIntent.getBroadcast(
                    context, code, remindIntent(context), PendingIntent.FLAG_NO_CREATE | immutable());
            if (old != null) {
                alarms.cancel(old);
                old.cancel();
            }
        }
    }

    private static void setAlarm(AlarmManager alarms, long at, PendingIntent pending) {
        // Exact when allowed; otherwise Android may deliver a few minutes late, which a
        // daily reminder can live with.
        boolean exactAllowed = Build.VERSION.SDK_INT < 31 || alarms.canScheduleExactAlarms();
        try {
            if (exactAllowed && Build.VERSION.SDK_INT >= 23) {
                alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending);
                return;
            }
        } catch (SecurityException e) {
            Log.i(TAG, "exact alarm refused, using an inexact one: " + e);
        }
        if (Build.VERSION.SDK_INT >= 23) {
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending);
        } else {
            alarms.set(AlarmManager.RTC_WAKEUP, at, pending);
        }
    }

    /** "2026-11-25", "08:30" in the device's zone now, so DST and travel come out right. */
    static long wallClockMillis(String day, String time) {
        String[] d = day.split("-");
        String[] t = time.split(":");
        Calendar moment = Calendar.getInstance();
        moment.set(Integer.parseInt(d[0]), Integer.parseInt(d[1]) - 1, Integer.parseInt(d[2]),
                Integer.parseInt(t[0]), Integer.parseInt(t[1]), 0);
        moment.set(Calendar.MILLISECOND, 0);
        return moment.getTimeInMillis();
    }

    private static void notify(Context context, String title, String message) {
        NotificationManager manager = (NotificationManager) context.getSystemService(Context.NOTIFICATION_SERVICE);
        if (Build.VERSION.SDK_INT >= 24 && !manager.areNotificationsEnabled()) {
            return;  // the patient turned notifications off; respect that quietly
        }
        Notification.Builder builder;
        if (Build.VERSION.SDK_INT >= 26) {
            NotificationChannel channel = new NotificationChannel(
                    CHANNEL_ID, "Daily reminders", NotificationManager.IMPORTANCE_DEFAULT);
            channel.setDescription("A gentle nudge at the times you chose in SmileBack.");
            manager.createNotificationChannel(channel);  // no-op when it already exists
            builder = new Notification.Builder(context, CHANNEL_ID);
        } else {
            builder = new Notification.Builder(context);
        }
        String text = message != null ? message : "Your face routine is ready whenever you are.";
        builder.setSmallIcon(context.getApplicationInfo().icon)
                .setContentTitle(title != null ? title : "SmileBack")
                .setContentText(text)
                .setStyle(new Notification.BigTextStyle().bigText(text))
                .setAutoCancel(true);
        Intent open = context.getPackageManager().getLaunchIntentForPackage(context.getPackageName());
        if (open != null) {
            open.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK | Intent.FLAG_ACTIVITY_RESET_TASK_IF_NEEDED);
            builder.setContentIntent(PendingIntent.getActivity(
                    context, 0, open, PendingIntent.FLAG_UPDATE_CURRENT | immutable()));
        }
        manager.notify(NOTIFICATION_ID, builder.build());
    }

    private static int immutable() {
        // Required from Android 12; the flag exists from Android 6.
        return Build.VERSION.SDK_INT >= 23 ? PendingIntent.FLAG_IMMUTABLE : 0;
    }
}
