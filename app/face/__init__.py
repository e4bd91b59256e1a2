"""Face measures from the patient's own photos, on the device (issue 15).

`port` is what the rest of the app uses: a FaceLandmarker that turns a photo into points,
or says why it could not. `lite` runs MediaPipe's bundled models on LiteRT (numpy needed,
imported only when asked for). `measures` turns points into millimetres, left and right;
`baseline` compares them with the patient's baseline set. Nothing here grades a face.
"""
