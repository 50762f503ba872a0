{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/announcements?unit={{UNIT_URL}}">← Thông báo của {{UNIT_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  <form method="post" action="{{FORM_ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">
    <p class="hint">Lưu xong, bản ghi âm được đọc lại theo nội dung mới. Khi loa đã phát thông báo thì không sửa được nữa.</p>{{/EDITING}}
    <div class="field{{#HEADLINE_INVALID}} field-invalid{{/HEADLINE_INVALID}}">
      <label for="headline">Tiêu đề</label>
      <p class="hint" id="headline-hint">Ví dụ: Tiêm phòng dại cho chó, mèo.</p>
      {{#HEADLINE_INVALID}}<p class="field-error" id="headline-error"><span class="visually-hidden">Lỗi: </span>{{HEADLINE_ERROR}}</p>{{/HEADLINE_INVALID}}
      <input id="headline" name="headline" maxlength="120" value="{{F_TITLE}}" aria-describedby="headline-hint{{#HEADLINE_INVALID}} headline-error{{/HEADLINE_INVALID}}"{{#HEADLINE_INVALID}} aria-invalid="true"{{/HEADLINE_INVALID}}>
    </div>
    <div class="field{{#MESSAGE_INVALID}} field-invalid{{/MESSAGE_INVALID}}">
      <label for="message">Nội dung đọc trên loa</label>
      <p class="hint" id="message-hint">Viết như khi đọc: câu ngắn, ghi rõ ngày giờ, địa điểm. Ví dụ: Sáng thứ Bảy ngày 05/12, tại nhà văn hóa ấp 3.</p>
      {{#MESSAGE_INVALID}}<p class="field-error" id="message-error"><span class="visually-hidden">Lỗi: </span>{{MESSAGE_ERROR}}</p>{{/MESSAGE_INVALID}}
      <textarea id="message" name="message" rows="6" maxlength="2000" aria-describedby="message-hint{{#MESSAGE_INVALID}} message-error{{/MESSAGE_INVALID}}"{{#MESSAGE_INVALID}} aria-invalid="true"{{/MESSAGE_INVALID}}>{{F_BODY}}</textarea>
    </div>
    {{>STARTS_ON_DATE}}
    {{>ENDS_ON_DATE}}
    <div class="field{{#TIMES_INVALID}} field-invalid{{/TIMES_INVALID}}">
      <label for="times">Giờ phát mỗi ngày</label>
      <p class="hint" id="times-hint">Giờ:phút theo 24 giờ, cách nhau bằng dấu phẩy, ví dụ 06:30, 17:00.</p>
      {{#TIMES_INVALID}}<p class="field-error" id="times-error"><span class="visually-hidden">Lỗi: </span>{{TIMES_ERROR}}</p>{{/TIMES_INVALID}}
      <input id="times" name="times" maxlength="60" value="{{F_TIMES}}" aria-describedby="times-hint{{#TIMES_INVALID}} times-error{{/TIMES_INVALID}}"{{#TIMES_INVALID}} aria-invalid="true"{{/TIMES_INVALID}}>
    </div>
    <div class="field{{#HAMLETS_INVALID}} field-invalid{{/HAMLETS_INVALID}}">
      <label for="hamlets">Phát ở ấp, khu phố</label>
      <p class="hint" id="hamlets-hint">Mỗi dòng một tên, ví dụ Ấp 3. Có thể để trống: phát ở mọi ấp, khu phố.</p>
      {{#HAMLETS_INVALID}}<p class="field-error" id="hamlets-error"><span class="visually-hidden">Lỗi: </span>{{HAMLETS_ERROR}}</p>{{/HAMLETS_INVALID}}
      <textarea id="hamlets" name="hamlets" rows="4" aria-describedby="hamlets-hint{{#HAMLETS_INVALID}} hamlets-error{{/HAMLETS_INVALID}}"{{#HAMLETS_INVALID}} aria-invalid="true"{{/HAMLETS_INVALID}}>{{F_HAMLETS:pre_escape}}</textarea>
    </div>
    <div class="actions"><button type="submit">{{#EDITING}}Lưu thay đổi{{/EDITING}}{{#CREATING}}Lưu thông báo{{/CREATING}}</button></div>
  </form>
</section>
